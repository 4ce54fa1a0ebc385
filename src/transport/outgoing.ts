import { DraftRequest } from "./draft-request.js";
import type { FetchInit, FetchLayer } from "./fetch-like.js";

/** A request the transport carries: a WHATWG `Request`, or a {@link DraftRequest} of the client's own calls. */
export type Outgoing = Request | DraftRequest;

/** A fetch for either kind of request. */
export type Send = (request: Outgoing, init?: FetchInit) => Promise<Response>;

/** A transport layer over either kind of request. It hands on the kind it was given and never makes a draft. */
export type Layer = (next: Send) => Send;

/** `request` as a WHATWG `Request`: a draft is built into one, a `Request` is returned as it is. */
export function toRequest(request: Outgoing): Request {
  return request instanceof DraftRequest ? request.toRequest() : request;
}

/**
 * A copy of `request` whose headers can change without touching the original's. A draft keeps its JSON text; a
 * `Request` gets `body` when given (its bytes, read once), else a split of its own body.
 */
export function copyRequest(request: Outgoing, body?: ArrayBuffer): Outgoing {
  if (request instanceof DraftRequest) return request.copy();
  return body === undefined ? request.clone() : new Request(request, { body });
}

/**
 * `fetch` taking either kind of request: a `Request` goes to it as it is, a draft goes as a URL and init, so the
 * only `Request` built for it is the one the fetch builds itself.
 */
export function sendWith(fetch: (input: string | Request, init?: RequestInit) => Promise<Response>): Send {
  return (request, init) => {
    return request instanceof DraftRequest
      ? fetch(request.url, request.init(init?.signal))
      : fetch(request, init);
  };
}

/** `fetch`, which takes Requests only, as a `Send`: a draft is built into a `Request` for it. */
export function sendRequests(fetch: (request: Request, init?: FetchInit) => Promise<Response>): Send {
  return (request, init) => fetch(toRequest(request), init);
}

/**
 * The public form of `layer`, over Requests only. Given Requests, an internal layer only ever hands on Requests, so
 * `toRequest` below returns each as it is.
 */
export function forRequests(layer: Layer): FetchLayer {
  return (next) => layer(sendRequests(next));
}
