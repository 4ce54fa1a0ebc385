/**
 * What a layer may add to a request without copying it: the signal that aborts this attempt (the caller's, joined
 * with the attempt's timeout). A fetch should honour it as `fetch(request, init)` does.
 */
export interface FetchInit {
  readonly signal?: AbortSignal;
}

/**
 * The one fetch signature every transport layer takes and returns: a `Request` in, a `Response` out. The global
 * `fetch` fits it.
 */
export type FetchLike = (request: Request, init?: FetchInit) => Promise<Response>;

/** A transport layer: wraps the next `fetch` and returns a new one with one added behaviour. */
export type FetchLayer = (next: FetchLike) => FetchLike;
