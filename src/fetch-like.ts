/** The one fetch signature every transport layer takes and returns: a `Request` in, a `Response` out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** A transport layer: wraps the next `fetch` and returns a new one with one added behaviour. */
export type FetchLayer = (next: FetchLike) => FetchLike;
