import type { RequestTarget } from "../errors/okta-errors.js";

/**
 * The method and absolute URL a call goes to, for error messages: the path template with each `{name}` replaced
 * by the percent-encoded id, exactly as openapi-fetch builds the request.
 */
export function toTarget(
  origin: string,
  method: string,
  template: string,
  ids: Readonly<Record<string, string>>,
): RequestTarget {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name] ?? ""));
  return { method, url: `${origin}${path}` };
}
