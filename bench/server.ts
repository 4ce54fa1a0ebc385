import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { CANNED_SECRET, cannedKey } from "./lib/canned.js";

/**
 * The loopback Okta stand-in the benchmark talks to. Run as its own process so its work does not share the
 * client's event loop; it prints its port once listening on 127.0.0.1 and stops when its parent kills it.
 *
 * App ids choose the answer's shape:
 * - `0oawrapped…`: `listJwk` as `{keys: [...]}`, the only shape Okta's Node SDK can read;
 * - `0oapaged…`: 100,000 keys in pages of {@link PAGE_SIZE} with `Link: rel="next"`;
 * - anything else: two keys in an array, the live shape.
 */
const PAGE_SIZE = 200;
const BIG_LIST = 100_000;
const TWO_KEYS = JSON.stringify([cannedKey(1), cannedKey(2)]);
const WRAPPED = JSON.stringify({ keys: [cannedKey(1), cannedKey(2)] });
const SECRET = JSON.stringify(CANNED_SECRET);
const JWKS = /^\/api\/v1\/apps\/([^/]+)\/credentials\/jwks$/;
const SECRETS = /^\/api\/v1\/apps\/([^/]+)\/credentials\/secrets$/;

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Rate-Limit-Limit": "600",
    "X-Rate-Limit-Remaining": "599",
    "X-Rate-Limit-Reset": String(Math.floor(Date.now() / 1000) + 60),
    ...headers,
  });
  res.end(body);
}

function page(res: ServerResponse, url: URL, appId: string): void {
  const after = Number(url.searchParams.get("after") ?? "0");
  const end = Math.min(after + PAGE_SIZE, BIG_LIST);
  const items = [];
  for (let i = after; i < end; i++) items.push(cannedKey(i));
  const headers: Record<string, string> = {};
  if (end < BIG_LIST) {
    headers.Link = `<${url.origin}/api/v1/apps/${appId}/credentials/jwks?after=${end}&limit=${PAGE_SIZE}>; rel="next"`;
  }
  send(res, 200, JSON.stringify(items), headers);
}

function listJwks(res: ServerResponse, url: URL, appId: string): void {
  if (appId.startsWith("0oawrapped")) {
    send(res, 200, WRAPPED);
  } else if (appId.startsWith("0oapaged")) {
    page(res, url, appId);
  } else {
    send(res, 200, TWO_KEYS);
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (!req.headers.authorization) return send(res, 401, '{"errorCode":"E0000011"}');
    const jwks = JWKS.exec(url.pathname);
    if (jwks?.[1] && req.method === "GET") return listJwks(res, url, jwks[1]);
    if (SECRETS.test(url.pathname) && req.method === "POST") return send(res, 201, SECRET);
    send(res, 404, '{"errorCode":"E0000007"}');
  });
}

const server = createServer({ keepAliveTimeout: 60_000 }, handle);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") process.stdout.write(`listening ${address.port}\n`);
});
