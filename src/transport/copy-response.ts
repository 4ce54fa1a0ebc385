/** Statuses whose responses cannot carry a body, so the Response constructor refuses one. */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** Whether `response` may carry a body, and has one. */
export function hasBody(response: Response): boolean {
  return response.body !== null && !NULL_BODY_STATUSES.has(response.status);
}

/**
 * A copy of `response` with `body` (and, when given, other headers or status text) that still says where it came
 * from and whether a redirect led there, which the Response constructor cannot set.
 */
export function copyResponse(
  response: Response,
  body: BodyInit | null,
  init: { readonly headers?: Headers; readonly statusText?: string } = {},
): Response {
  const copy = new Response(hasBody(response) ? body : null, {
    status: response.status,
    statusText: init.statusText ?? response.statusText,
    headers: init.headers ?? response.headers,
  });
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  return copy;
}
