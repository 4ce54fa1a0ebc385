/** A request as the recording fetch saw it, with its body already read. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

/** A fetch that records each request and answers from `respond`, for unit tests without sockets. */
export function recordingFetch(respond: (request: Request) => Response | Promise<Response>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const copy = request.clone();
    requests.push({ method: copy.method, url: copy.url, headers: copy.headers, body: await copy.text() });
    return respond(request);
  };
  return { fetch, requests };
}

/** A JSON response with Okta's content type. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers as Record<string, string> | undefined) },
  });
}
