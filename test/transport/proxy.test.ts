import { createServer, type Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { ProxyAgent } from "undici";
import { afterEach, describe, expect, test } from "vitest";
import { createOktaClient } from "../../src/client.js";
import { OktaTimeoutError } from "../../src/errors/okta-errors.js";
import { scriptedServers } from "../helpers/scripted-server.js";

const serve = scriptedServers();
const closers: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A forward proxy on 127.0.0.1 that tunnels CONNECT requests, as corporate proxies do, and records each target. */
async function startConnectProxy(): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on("connect", (request, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? "");
    const [host = "", port = ""] = (request.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => socket.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels };
}

/** A client whose fetch goes through `proxyUrl` with undici's ProxyAgent, as docs/transport.md shows. */
function clientThrough(proxyUrl: string, orgUrl: string, timeoutMs = 5_000) {
  const dispatcher = new ProxyAgent(proxyUrl);
  closers.push(() => dispatcher.close());
  return createOktaClient({
    orgUrl,
    auth: { type: "apiToken", token: "00proxyTestToken" },
    fetch: (request, init) => fetch(request, { ...init, dispatcher } as RequestInit),
    timeoutMs,
    retry: false,
  });
}

describe("a fetch with undici's ProxyAgent", () => {
  test("reaches the org through a CONNECT proxy, credentials inside the tunnel", async () => {
    const org = await serve([{ status: 200, body: [{ id: "pks1" }] }]);
    const proxy = await startConnectProxy();
    const keys = await clientThrough(proxy.url, org.url).jwks.list("0oa1");
    expect(keys).toEqual([{ id: "pks1" }]);
    expect(proxy.tunnels).toEqual([new URL(org.url).host]);
    expect(org.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ["/api/v1/apps/0oa1/credentials/jwks", "SSWS 00proxyTestToken"],
    ]);
  });

  test("still times out an attempt through the proxy", async () => {
    const org = await serve([{ status: 200, body: [], delayMs: 1_000 }]);
    const proxy = await startConnectProxy();
    const error = await clientThrough(proxy.url, org.url, 100)
      .jwks.list("0oa1")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaTimeoutError);
    expect(proxy.tunnels).toHaveLength(1);
  });
});
