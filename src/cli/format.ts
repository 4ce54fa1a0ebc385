import type { ClientSecret, Jwk } from "../api/types.js";
import { rsaModulusBits } from "../keys/rsa-modulus-bits.js";
import { maskSecret } from "../rotation/rotation-report.js";
import { printable } from "./printable.js";

/** Returns the secret with `client_secret` masked unless `show` is set; `secret_hash` still tells secrets apart. */
export function presentSecret(secret: ClientSecret, show: boolean): ClientSecret {
  if (show) return secret;
  // A malformed answer may lack the value; it is still masked, never shown.
  const value = typeof secret.client_secret === "string" ? secret.client_secret : "";
  return { ...secret, client_secret: maskSecret({ client_secret: value, secret_hash: secret.secret_hash }) };
}

/** A field of Okta's answer as a table cell: control characters escaped, `-` when it is not a string. */
function cell(value: unknown): string {
  return typeof value === "string" ? printable(value) : "-";
}

/** Renders rows as a left-aligned table with a header line. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** One line per key: id, status, use, type, algorithm, kid. */
export function keysTable(keys: readonly Jwk[]): string {
  return table(
    ["ID", "STATUS", "USE", "TYPE", "ALG", "KID", "CREATED"],
    keys.map((key) => [
      cell(key.id),
      cell(key.status),
      cell(key.use),
      keyType(key),
      cell(key.alg),
      cell(key.kid),
      cell(key.created),
    ]),
  );
}

/** One line per secret: id, status, the (masked) secret, created. */
export function secretsTable(secrets: readonly ClientSecret[]): string {
  return table(
    ["ID", "STATUS", "CLIENT SECRET", "CREATED"],
    secrets.map((secret) => [
      cell(secret.id),
      cell(secret.status),
      cell(secret.client_secret),
      cell(secret.created),
    ]),
  );
}

function keyType(key: Jwk): string {
  if (key.kty === "EC") return `EC ${cell(key.crv)}`;
  if (key.kty === "RSA") return `RSA ${typeof key.n === "string" ? rsaModulusBits(key.n) : "-"}`;
  // Okta's answer is typed, not trusted: a malformed one may name any type, or none.
  return cell((key as { kty?: unknown }).kty);
}
