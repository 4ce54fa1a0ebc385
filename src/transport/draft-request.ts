/** What openapi-fetch hands the `Request` class it is given, as far as a draft keeps it. */
export interface DraftInit {
  readonly method?: string | undefined;
  readonly headers?: HeadersInit | undefined;
  readonly body?: BodyInit | null | undefined;
  readonly redirect?: RequestRedirect | undefined;
  readonly signal?: AbortSignal | null | undefined;
}

/**
 * A request of the client's own calls, before any `Request` exists: the URL, method, headers and JSON body
 * openapi-fetch worked out, kept as plain fields. The transport layers read them as they read a `Request`'s, and a
 * WHATWG `Request` is built only where a fetch needs one, so a call builds one (inside the built-in fetch) or
 * none (on the Node transport) instead of two. Its URL is the org's origin followed by a spec path whose ids are
 * checked, so it is already in the form `Request.url` would give.
 */
export class DraftRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The JSON text to send, or `null` for none. */
  readonly body: string | null;
  readonly redirect: RequestRedirect;
  /** The caller's signal, if any. */
  readonly signal: AbortSignal | undefined;

  /** @throws {TypeError} when the body is neither absent nor a string: the client only sends JSON text. */
  constructor(url: string, init: DraftInit = {}) {
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
      throw new TypeError("A draft request's body must be a string");
    }
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.redirect = init.redirect ?? "follow";
    this.signal = init.signal ?? undefined;
  }

  /** A copy with headers of its own, so that a layer may set them for one attempt. */
  copy(): DraftRequest {
    return new DraftRequest(this.url, { ...this.init(), headers: new Headers(this.headers) });
  }

  /**
   * What `fetch(url, init)` or `new Request(url, init)` needs to send this request, with `signal` in place of the
   * draft's own when given (as `fetch(request, { signal })` would have it).
   */
  init(signal: AbortSignal | undefined = this.signal): RequestInit {
    const { method, headers, body, redirect } = this;
    return { method, headers, body, redirect, signal: signal ?? null };
  }

  /** The same request as a WHATWG `Request`, for a fetch that takes nothing else. */
  toRequest(): Request {
    return new Request(this.url, this.init());
  }
}
