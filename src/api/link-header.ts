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
 * that contain commas or semicolons, and `rel` with several space-separated types. Malformed links are skipped.
 * Every step is one forward scan, so the time is linear in the length, whatever the input.
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3
 */
export function parseLinkHeader(value: string | null | undefined): Link[] {
  return value ? splitOutside(value, ",").flatMap(toLink) : [];
}

/** The target of the first link with relation `rel` (compared case-insensitively), unresolved. */
export function findLink(value: string | null | undefined, rel: string): string | undefined {
  const wanted = rel.toLowerCase();
  return parseLinkHeader(value).find((link) => link.rel.includes(wanted))?.href;
}

function toLink(part: string): Link[] {
  const target = /^\s*<([^>]*)>/.exec(part);
  if (!target) return [];
  const params = new Map<string, string>();
  // What follows the target is `; name=value` pairs; anything before the first `;` is not a parameter.
  for (const param of splitOutside(part.slice(target[0].length), ";").slice(1)) {
    const equals = param.indexOf("=");
    const name = (equals === -1 ? param : param.slice(0, equals)).trim().toLowerCase();
    if (name !== "" && !params.has(name))
      params.set(name, equals === -1 ? "" : unquote(param.slice(equals + 1)));
  }
  const rel = (params.get("rel") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return [{ href: (target[1] ?? "").trim(), rel, params }];
}

/** Splits `text` at each `separator` outside a quoted string (where `\` escapes) and outside `<…>`. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  let bracketed = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (quoted) {
      if (char === "\\") at += 1;
      else if (char === '"') quoted = false;
    } else if (bracketed) {
      bracketed = char !== ">";
    } else if (char === '"' || char === "<") {
      quoted = char === '"';
      bracketed = char === "<";
    } else if (char === separator) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A parameter value without its quotes and escapes (RFC 9110 quoted-string), or as it is when unquoted. */
function unquote(value: string): string {
  const trimmed = value.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  const closing = /^"((?:[^"\\]|\\[\s\S])*)"?/.exec(trimmed)?.[1] ?? "";
  return closing.replace(/\\([\s\S])/g, "$1");
}
