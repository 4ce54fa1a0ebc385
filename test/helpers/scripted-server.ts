import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach } from "vitest";

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received, such as `/api/v1/apps/0oa1/credentials/jwks?limit=2`. */
  readonly url: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A canned answer; `body` objects are sent as JSON. */
export interface CannedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: unknown;
  /** Wait this long (real milliseconds) before answering. */
  readonly delayMs?: number;
  /** Drop the connection: before any byte, right after the headers, or after half of the body. */
  readonly drop?: "before-headers" | "after-headers" | "mid-body";
}

/** Answers one request: return a canned response, or write to `res` directly and return nothing. */
export type ScriptedHandler = (
  request: RecordedRequest,
  res: ServerResponse,
) => CannedResponse | undefined | Promise<CannedResponse | undefined>;

/** A running loopback server. */
export interface ScriptedServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request received so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Stops the server and drops any open connection. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 with a free port that answers from `script`: either a handler called for
 * every request, or a queue of canned responses used in order (a request past the end gets a 500).
 */
export async function startScriptedServer(
  script: ScriptedHandler | readonly CannedResponse[],
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const queue = typeof script === "function" ? undefined : [...script];
  const handler: ScriptedHandler =
    typeof script === "function"
      ? script
      : () => queue?.shift() ?? { status: 500, body: { error: "script exhausted" } };
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const recorded = await record(req);
    requests.push(recorded);
    const canned = await handler(recorded, res);
    if (canned) await answer(req, res, canned);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return {
    method: req.method ?? "",
    url: req.url ?? "",
    headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, canned: CannedResponse): Promise<void> {
  if (canned.delayMs) await new Promise((resolve) => setTimeout(resolve, canned.delayMs));
  if (canned.drop === "before-headers") {
    req.socket.destroy();
    return;
  }
  const body = serialize(canned.body);
  const headers: Record<string, string | readonly string[]> = {
    ...(typeof canned.body === "object" && canned.body !== null
      ? { "Content-Type": "application/json" }
      : {}),
    "Content-Length": String(body.length),
    ...canned.headers,
  };
  res.writeHead(canned.status ?? 200, headers as Record<string, string | string[]>);
  if (canned.drop === "after-headers") {
    res.flushHeaders();
    setTimeout(() => req.socket.destroy(), 5);
    return;
  }
  if (canned.drop === "mid-body") {
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => req.socket.destroy(), 5);
    return;
  }
  res.end(body);
}

function serialize(body: unknown): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  return Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8");
}

/**
 * For a test file: returns `serve`, which starts a scripted server, and registers an `afterEach` that closes every
 * server it started.
 */
export function scriptedServers(): (
  script: ScriptedHandler | readonly CannedResponse[],
) => Promise<ScriptedServer> {
  const started: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return async (script) => {
    const server = await startScriptedServer(script);
    started.push(server);
    return server;
  };
}
