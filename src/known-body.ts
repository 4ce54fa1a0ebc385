/** The string bodies requests were built with, by request. */
const KNOWN = new WeakMap<Request, string>();

/**
 * The `Request` class the client hands openapi-fetch: a plain `Request` that also remembers a string body (the
 * JSON openapi-fetch serialised), so that layers can resend or send it without reading the request's own stream.
 */
export class RequestWithKnownBody extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    if (typeof init?.body === "string") KNOWN.set(this, init.body);
  }
}

/** The string body `request` was built with, when it is a {@link RequestWithKnownBody} that has one. */
export function knownBody(request: Request): string | undefined {
  return KNOWN.get(request);
}
