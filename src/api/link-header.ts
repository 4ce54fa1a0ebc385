/** One link of an RFC 8288 `Link` header. */
export interface Link {
  /** The target as written between `<` and `>`, not yet resolved against the request URL. */
  readonly href: string;
  /** The relation types, lower-cased (`rel="next last"` gives `["next", "last"]`). */
  readonly rel: readonly string[];
  /** Every parameter by lower-cased name, unquoted; the first occurrence of a name wins. */
  readonly params: ReadonlyMap<string, string>;
}

/**
 * Parses a `Link` header value: several links per header, several headers joined by commas, quoted parameters
 * that contain commas or semicolons, and `rel` with several space-separated types. Malformed parts are skipped.
 * A single forward scan: the time is linear in the length, whatever the input.
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3
 */
export function parseLinkHeader(value: string | null | undefined): Link[] {
  const links: Link[] = [];
  if (!value) return links;
  const scanner = { text: value, at: 0 };
  while (scanner.at < value.length) {
    skipWhile(scanner, /[\s,]/);
    if (scanner.at >= value.length) break;
    const link = readLink(scanner);
    if (link) links.push(link);
  }
  return links;
}

/** The target of the first link with relation `rel` (compared case-insensitively), unresolved. */
export function findLink(value: string | null | undefined, rel: string): string | undefined {
  const wanted = rel.toLowerCase();
  return parseLinkHeader(value).find((link) => link.rel.includes(wanted))?.href;
}

interface Scanner {
  readonly text: string;
  at: number;
}

function readLink(scanner: Scanner): Link | undefined {
  const { text } = scanner;
  if (text[scanner.at] !== "<") {
    skipToComma(scanner);
    return undefined;
  }
  const close = text.indexOf(">", scanner.at + 1);
  if (close === -1) {
    scanner.at = text.length;
    return undefined;
  }
  const href = text.slice(scanner.at + 1, close).trim();
  scanner.at = close + 1;
  const params = readParams(scanner);
  const rel = (params.get("rel") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return { href, rel, params };
}

function readParams(scanner: Scanner): Map<string, string> {
  const params = new Map<string, string>();
  const { text } = scanner;
  for (;;) {
    skipWhile(scanner, /\s/);
    const char = text[scanner.at];
    if (char === undefined || char === ",") return params;
    if (char !== ";") {
      skipToComma(scanner);
      return params;
    }
    scanner.at += 1;
    skipWhile(scanner, /\s/);
    const name = readWhile(scanner, /[^\s=;,]/).toLowerCase();
    skipWhile(scanner, /\s/);
    let paramValue = "";
    if (text[scanner.at] === "=") {
      scanner.at += 1;
      skipWhile(scanner, /\s/);
      paramValue = text[scanner.at] === '"' ? readQuoted(scanner) : readWhile(scanner, /[^\s;,]/);
    }
    if (name !== "" && !params.has(name)) params.set(name, paramValue);
  }
}

/** Reads a quoted-string starting at the opening quote; `\` escapes the next character. */
function readQuoted(scanner: Scanner): string {
  const { text } = scanner;
  let result = "";
  scanner.at += 1;
  while (scanner.at < text.length) {
    const char = text[scanner.at] as string;
    scanner.at += 1;
    if (char === '"') return result;
    if (char === "\\" && scanner.at < text.length) {
      result += text[scanner.at];
      scanner.at += 1;
    } else {
      result += char;
    }
  }
  return result;
}

/** Skips a malformed link value up to the next comma that is not inside a quoted string. */
function skipToComma(scanner: Scanner): void {
  const { text } = scanner;
  while (scanner.at < text.length && text[scanner.at] !== ",") {
    if (text[scanner.at] === '"') readQuoted(scanner);
    else scanner.at += 1;
  }
}

function readWhile(scanner: Scanner, pattern: RegExp): string {
  const start = scanner.at;
  skipWhile(scanner, pattern);
  return scanner.text.slice(start, scanner.at);
}

function skipWhile(scanner: Scanner, pattern: RegExp): void {
  while (scanner.at < scanner.text.length && pattern.test(scanner.text[scanner.at] as string))
    scanner.at += 1;
}
