/** Statuses whose responses cannot carry a body, so the Response constructor refuses one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Whether a response with this status may carry a body. */
export function canHaveBody(status: number): boolean {
  return !NULL_BODY_STATUSES.has(status);
}

/**
 * A copy of `response` (status, status text, headers and url) with `body` in place of its own; a response whose
 * status allows no body is returned as it is.
 */
export function replaceBody(response: Response, body: BodyInit): Response {
  if (!canHaveBody(response.status)) return response;
  const copy = new Response(body, response);
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/** The whole body of responses some layer already read into memory, as text. */
const KEPT = new WeakMap<Response, string>();

/**
 * Records that `text` is the whole body of `response`, and returns it. The response's own body may already have
 * been read: {@link toReadable} gives it back. Okta's bodies are small JSON documents.
 */
export function keepBody(response: Response, text: string): Response {
  KEPT.set(response, text);
  return response;
}

/** The body recorded by {@link keepBody}, or `undefined` when no layer read this response into memory. */
export function keptBody(response: Response): string | undefined {
  return KEPT.get(response);
}

/** A readable copy of `response` carrying `text` as its body, with that text kept too. */
export function readableCopy(response: Response, text: string): Response {
  return keepBody(replaceBody(response, text), text);
}

/**
 * `response` with a body that can still be read: a copy carrying the kept text when its own was read already or
 * never had one (a fetch that handed the body over in memory only).
 */
export function toReadable(response: Response): Response {
  const text = KEPT.get(response);
  if (text === undefined || (response.body !== null && !response.bodyUsed)) return response;
  return readableCopy(response, text);
}

/** How a layer hands on a response whose body it read whole as `text`. */
export type HoldBody = (response: Response, text: string) => Response;

/**
 * `response` with its body read to the end, handed on by `hold` ({@link keepBody} or {@link readableCopy}). A
 * response without a body, or whose body some fetch or layer already holds in memory, is returned as it is.
 */
export async function readWhole(response: Response, hold: HoldBody): Promise<Response> {
  if (response.body === null || !canHaveBody(response.status) || keptBody(response) !== undefined) {
    return response;
  }
  return hold(response, await response.text());
}
