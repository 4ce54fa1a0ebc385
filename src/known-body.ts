/** The string bodies requests were built with, by request. */
const KNOWN = new WeakMap<Request, string>();

let requestClass: typeof Request | undefined;

/**
 * The `Request` class the client hands openapi-fetch: a plain `Request` that also remembers a string body (the
 * JSON openapi-fetch serialised), so that layers can resend or send it without reading the request's own stream.
 * Made on first use: touching the global `Request` loads Node's fetch implementation, which importing this
 * package must not do.
 */
export function requestWithKnownBody(): typeof Request {
  requestClass ??= class RequestWithKnownBody extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      if (typeof init?.body === "string") KNOWN.set(this, init.body);
    }
  };
  return requestClass;
}

/** The string body `request` was built with, when it came from {@link requestWithKnownBody} with one. */
export function knownBody(request: Request): string | undefined {
  return KNOWN.get(request);
}
