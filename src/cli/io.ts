/** Everything the CLI touches outside itself, so tests can run it in-process or as a subprocess alike. */
export interface CliIo {
  /** Writes to standard output (data only: tables or one JSON document). */
  out(text: string): void;
  /** Writes to standard error (progress, prompts, errors). */
  err(text: string): void;
  /** The environment variables the CLI reads. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a person is at the terminal (stdin and stderr are TTYs); prompts need one. */
  readonly interactive: boolean;
  /**
   * Shows a one-line status on stderr in place of the last one, when stderr is a terminal (nothing otherwise);
   * `""` clears it. Absent: no progress is shown.
   */
  readonly progress?: ((line: string) => void) | undefined;
  /** Reads standard input to its end (for `--apps -`). */
  readonly readStdin?: (() => Promise<string>) | undefined;
  /** Asks a yes/no question on the terminal; only called when `interactive`. */
  confirm(question: string): Promise<boolean>;
}
