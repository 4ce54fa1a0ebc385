import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** A running fake Okta on a loopback port. */
export interface FakeOktaServer {
  /** Base URL such as `http://127.0.0.1:41234`; use it as the client's `orgUrl`. */
  readonly url: string;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

// Request headers the fake reads; others (Host, Connection…) stay behind so that any Request can be built.
const FORWARDED = ["authorization", "content-type", "content-length", "accept", "user-agent", "dpop"];

/**
 * Serves a fake Okta (its state, through its `fetch`) over HTTP on 127.0.0.1; port 0 picks a free port. It needs
 * `node:http` (Node, Bun, Deno), which is why it has an entry point of its own: the rest of the testing kit
 * bundles for browsers and workers.
 * @throws {TypeError} when `fake` has no `fetch` or `port` is not an integer from 0 to 65535.
 */
export async function serveFakeOkta(
  fake: { readonly fetch: (request: Request) => Promise<Response> },
  port = 0,
): Promise<FakeOktaServer> {
  if (typeof fake?.fetch !== "function")
    throw new TypeError("fake must be a fake Okta (with a fetch function)");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError("port must be an integer from 0 to 65535");
  }
  const handle = fake.fetch;
  let url = "";
  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing, url, handle).catch(() => {
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  baseUrl: string,
  handle: (request: Request) => Promise<Response>,
): Promise<void> {
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = incoming.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // The body is streamed, not buffered: the fake reads only as much of it as it accepts.
  const request = new Request(targetUrl(incoming.url ?? "/", baseUrl), {
    method,
    headers,
    ...(hasBody ? { body: streamOf(incoming), duplex: "half" } : {}),
  } as RequestInit);
  const response = await handle(request);
  const body = Buffer.from(await response.arrayBuffer());
  // A body the fake stopped reading is left unread: the connection closes rather than draining it.
  const unread = !incoming.complete;
  outgoing.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    ...(unread ? { Connection: "close" } : {}),
  });
  outgoing.end(body, () => {
    if (unread) incoming.socket.destroy();
  });
}

/**
 * The URL the fake answers for a request target: its path and query on the server's own base URL. An
 * absolute-form target (`http://other.example/api/…`) keeps only its path and query, so the host it names is never
 * reached; a target of no other form (`*`, an authority, one that does not parse) becomes a path no operation
 * has, which the fake answers as any other: 404 E0000007, or 401 E0000011 without a token.
 */
function targetUrl(target: string, baseUrl: string): string {
  const url = new URL(baseUrl);
  try {
    // Origin-form keeps its path as sent, so that `//x/…` stays a path and never becomes a host.
    const parsed = target.startsWith("/") ? new URL(`${baseUrl}${target}`) : new URL(target);
    url.pathname = parsed.pathname;
    url.search = parsed.search;
  } catch {
    url.pathname = target;
  }
  return url.href;
}

/** The request's body as a web stream that reads from the socket only when asked to. */
function streamOf(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        incoming.pause();
        incoming.on("data", (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk));
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
        });
        incoming.once("end", () => {
          ended = true;
          controller.close();
        });
        incoming.once("error", (error) => {
          if (!ended) controller.error(error);
        });
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        ended = true;
        incoming.pause();
        incoming.removeAllListeners("data");
      },
    },
    { highWaterMark: 1 },
  );
}
