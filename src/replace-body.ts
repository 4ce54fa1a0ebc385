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

/** Responses whose body a layer already read into memory. */
const READ = new WeakSet<Response>();

/** Marks `response` as holding its whole body in memory, and returns it. */
export function markRead(response: Response): Response {
  READ.add(response);
  return response;
}

/** Whether a layer below already read `response`'s body into memory. */
export function isRead(response: Response): boolean {
  return READ.has(response);
}
