/** The outcome of one package check: its name, whether it passed, and what it found. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}
