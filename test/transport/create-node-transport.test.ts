import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { createNodeTransport, type NodeTransport } from "../../src/transport/create-node-transport.js";
import { DraftRequest } from "../../src/transport/draft-request.js";
import { inMemoryFormOf } from "../../src/transport/in-memory-fetch.js";
import { keptBody } from "../../src/transport/response-body.js";

interface Seen {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly port: number | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];
const transports: NodeTransport[] = [];

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    }),
  );
});

async function serve(handler: Handler): Promise<{ origin: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
        port: req.socket.remotePort,
      });
      handler(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

function transport(options?: Parameters<typeof createNodeTransport>[0]): NodeTransport {
  const created = createNodeTransport(options);
  transports.push(created);
  return created;
}

describe("createNodeTransport", () => {
  test("sends method, path, headers and body, and returns status, headers, body and url", async () => {
    const { origin, seen } = await serve((_req, res) => {
      res.writeHead(201, { "Content-Type": "application/json", "X-Okta-Request-Id": "req-1" });
      res.end('{"id":"ocs1"}');
    });
    const url = `${origin}/api/v1/apps/0oa1/credentials/secrets`;
    const response = await transport()(
      new Request(url, {
        method: "POST",
        headers: { Authorization: "SSWS t0k", "Content-Type": "application/json" },
        body: '{"status":"INACTIVE"}',
      }),
    );
    expect(seen).toMatchObject([
      {
        method: "POST",
        url: "/api/v1/apps/0oa1/credentials/secrets",
        body: '{"status":"INACTIVE"}',
        headers: { authorization: "SSWS t0k", "content-type": "application/json", "content-length": "21" },
      },
    ]);
    expect(response.status).toBe(201);
    expect(response.headers.get("x-okta-request-id")).toBe("req-1");
    expect(response.url).toBe(url);
    expect(await response.json()).toEqual({ id: "ocs1" });
  });

  test("sends a draft's JSON text in its in-memory form, counting its bytes, and keeps the answer's text", async () => {
    const { origin, seen } = await serve((_req, res) => {
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end('{"name":"clé"}');
    });
    const body = '{"client_secret":"ünïcødé-sécret-1234"}';
    const headers = new Headers({ "Content-Type": "application/json", Authorization: "SSWS t" });
    const draft = new DraftRequest(`${origin}/x?limit=2`, { method: "POST", headers, body });
    const response = await inMemoryFormOf(transport())?.(draft);
    expect(seen).toMatchObject([
      {
        method: "POST",
        url: "/x?limit=2",
        body,
        headers: {
          "content-length": String(Buffer.byteLength(body)),
          "content-type": "application/json",
          authorization: "SSWS t",
        },
      },
    ]);
    expect(response?.status).toBe(201);
    expect(response?.body).toBeNull();
    expect(response && keptBody(response)).toBe('{"name":"clé"}');
  });

  test("has an in-memory form for the client, whose responses carry the body as kept text only", async () => {
    const { origin } = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "X-Okta-Request-Id": "req-2" });
      res.end('[{"id":"pks1"}]');
    });
    const inMemory = inMemoryFormOf(transport());
    const response = await inMemory?.(new Request(`${origin}/api/v1/apps/0oa1/credentials/jwks`));
    expect(response?.body).toBeNull();
    expect(response?.headers.get("x-okta-request-id")).toBe("req-2");
    expect(response && keptBody(response)).toBe('[{"id":"pks1"}]');
  });

  test("keeps the connection alive between calls", async () => {
    const { origin, seen } = await serve((_req, res) => res.end("[]"));
    const send = transport();
    await (await send(new Request(`${origin}/a`))).text();
    await (await send(new Request(`${origin}/b`))).text();
    expect(seen).toHaveLength(2);
    expect(seen[1]?.port).toBe(seen[0]?.port);
  });

  test("gives a 204 a null body", async () => {
    const { origin } = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const response = await transport()(new Request(`${origin}/k`, { method: "DELETE" }));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  test("returns a redirect as it is instead of following it", async () => {
    const { origin, seen } = await serve((_req, res) => {
      res.writeHead(302, { Location: "/elsewhere" });
      res.end();
    });
    const response = await transport()(new Request(`${origin}/start`));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/elsewhere");
    expect(seen.map((request) => request.url)).toEqual(["/start"]);
  });

  test("rejects with the signal's reason when aborted while waiting for the answer", async () => {
    const { origin } = await serve(() => {});
    const controller = new AbortController();
    const pending = transport()(new Request(`${origin}/slow`, { signal: controller.signal }));
    const reason = new Error("caller gave up");
    setTimeout(() => controller.abort(reason), 5);
    await expect(pending).rejects.toBe(reason);
  });

  test("rejects with the signal's reason when aborted halfway through the body, and leaves no listener", async () => {
    const { origin } = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write('[{"id":');
    });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const pending = transport()(new Request(`${origin}/trickle`), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toEqual([]);
  });

  test("removes its abort listener once the answer is in", async () => {
    const { origin } = await serve((_req, res) => res.end("[]"));
    const { signal } = new AbortController();
    expect(await (await transport()(new Request(`${origin}/x`), { signal })).text()).toBe("[]");
    expect(getEventListeners(signal, "abort")).toEqual([]);
  });

  test("sends nothing when the signal is already aborted", async () => {
    const { origin, seen } = await serve((_req, res) => res.end("[]"));
    const reason = new Error("already over");
    await expect(transport()(new Request(`${origin}/x`, { signal: AbortSignal.abort(reason) }))).rejects.toBe(
      reason,
    );
    expect(seen).toEqual([]);
  });

  test("rejects when nothing listens", async () => {
    const { origin, server } = await serve(() => {});
    await new Promise((closed) => server.close(closed));
    await expect(transport()(new Request(`${origin}/x`))).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  test("close() ends kept-alive connections", async () => {
    const { origin, server } = await serve((_req, res) => res.end("[]"));
    const socketClosed = new Promise<void>((done) => {
      server.once("connection", (socket) => socket.once("close", () => done()));
    });
    const send = transport();
    await (await send(new Request(`${origin}/a`))).text();
    expect(await new Promise((done) => server.getConnections((_error, count) => done(count)))).toBe(1);
    send.close();
    await socketClosed;
    expect(await new Promise((done) => server.getConnections((_error, count) => done(count)))).toBe(0);
  });

  test("refuses schemes other than http and https", async () => {
    await expect(transport()(new Request("data:,hello"))).rejects.toThrow(
      "The Node transport only sends http: and https: requests, not data:",
    );
  });

  test("checks its options before any request", () => {
    expect(() => createNodeTransport({ maxSockets: 0 })).toThrow(
      new TypeError("options.maxSockets must be a positive integer"),
    );
    expect(() => createNodeTransport(null as never)).toThrow(TypeError);
  });
});
