import { copyResponse, hasBody } from "./copy-response.js";
import { MAX_ERROR_BODY_BYTES, readCappedText } from "./read-capped.js";
import { withoutSecrets } from "./redact.js";

/**
 * `response` as the layers above may see it after a request that carried `secrets`: none of them in its headers
 * or status text, nor in the body of a failure (the body of a 2xx is the caller's data and passes untouched). A
 * server that repeats what it was sent cannot get a credential into an error, a log or a next link this way. A
 * failure's body is read up to 64 KiB, which is all an error shows of it.
 */
export async function redactResponse(response: Response, secrets: readonly string[]): Promise<Response> {
  if (secrets.length === 0 || response.type === "opaqueredirect") return response;
  const repeats = (text: string) => withoutSecrets(text, secrets) !== text;
  if (response.ok && !repeats(response.statusText) && ![...response.headers.values()].some(repeats))
    return response;
  const head = redactedHead(response, secrets);
  if (response.ok) return copyResponse(response, response.body, head);
  const body = hasBody(response)
    ? withoutSecrets(await readCappedText(response, MAX_ERROR_BODY_BYTES), secrets)
    : null;
  head.headers.delete("Content-Length");
  return copyResponse(response, body, head);
}

/** `response`'s headers and status text, each of `secrets` in them replaced by `[redacted]`. */
export function redactedHead(
  response: Response,
  secrets: readonly string[],
): { headers: Headers; statusText: string } {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, withoutSecrets(value, secrets));
  return { headers, statusText: withoutSecrets(response.statusText, secrets) };
}
