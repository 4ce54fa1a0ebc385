import type { IncomingMessage, ServerResponse } from "node:http";

/** A running fake Okta on a loopback port. */
export interface FakeOktaServer {
  /** Base URL such as `http://127.0.0.1:41234`; use it as the client's `orgUrl`. */
  readonly url: string;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

// Request headers the fake reads; others (Host, Connection…) stay behind so that any Request can be built.
const FORWARDED = ["authorization", "content-type", "accept", "user-agent", "dpop"];

/**
 * Serves `handle` with `node:http` on 127.0.0.1. `node:http` is imported here only, so that the rest of the fake
 * runs wherever `fetch` runs.
 */
export async function listen(
  handle: (request: Request) => Promise<Response>,
  port = 0,
): Promise<FakeOktaServer> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError("port must be an integer from 0 to 65535");
  }
  const { createServer } = await import("node:http");
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
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = incoming.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = chunks.length > 0 && method !== "GET" && method !== "HEAD";
  const request = new Request(`${baseUrl}${incoming.url ?? "/"}`, {
    method,
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
  const response = await handle(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}
