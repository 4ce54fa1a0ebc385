// C0 controls, DEL and C1 controls: what a terminal may read as a command (ESC starts one, and so does CSI, U+009B).
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

const toEscape = (code: number) => `\\x${code.toString(16).padStart(2, "0")}`;

function escapeControls(text: string, keep: (char: string) => boolean): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += isControl(code) && !keep(char) ? toEscape(code) : char;
  }
  return out;
}

/** `text` with every control character shown as a `\xNN` escape, so text from a server cannot drive the terminal. */
export function printable(text: string): string {
  return escapeControls(text, () => false);
}

/** Like {@link printable}, but keeps line breaks: for whole messages and tables the CLI itself lays out. */
export function printableLines(text: string): string {
  return escapeControls(text, (char) => char === "\n");
}

/** JSON text with DEL and C1 controls escaped too (`JSON.stringify` escapes only C0); still the same JSON. */
export function printableJson(json: string): string {
  let out = "";
  for (const char of json) {
    const code = char.charCodeAt(0);
    out += code >= 0x7f && code <= 0x9f ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}
