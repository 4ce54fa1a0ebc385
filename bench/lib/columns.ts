/** One column of the per-call table: an operation at a concurrency. */
export interface Column {
  readonly operation: "list" | "create";
  readonly concurrency: number;
}

/** The four columns the README promises: `jwks.list` and `secrets.create`, sequential and 64-way. */
export const COLUMNS: readonly Column[] = [
  { operation: "list", concurrency: 1 },
  { operation: "list", concurrency: 64 },
  { operation: "create", concurrency: 1 },
  { operation: "create", concurrency: 64 },
];

/** A column's heading, such as `jwks.list ×64`. */
export function columnLabel(column: Column): string {
  return `${column.operation === "list" ? "jwks.list" : "secrets.create"} ×${column.concurrency}`;
}
