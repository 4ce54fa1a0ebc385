import type { RequestTarget } from "../errors.js";

/**
 * The method and absolute URL a call goes to, for error messages: `template` with each `{name}` replaced by the
 * percent-encoded id, exactly as openapi-fetch builds the request. Worked out only when asked for, since only a
 * failed call needs it.
 */
export function toTarget(
  origin: string,
  method: string,
  template: string,
  ids: Readonly<Record<string, string>>,
): () => RequestTarget {
  return () => {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name] ?? ""));
    return { method, url: `${origin}${path}` };
  };
}
