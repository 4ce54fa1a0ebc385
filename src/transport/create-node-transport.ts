import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { DraftRequest } from "./draft-request.js";
import type { FetchInit, FetchLike } from "./fetch-like.js";
import { withInMemoryForm } from "./in-memory-fetch.js";
import type { Outgoing } from "./outgoing.js";
import { canHaveBody, keepBody } from "./response-body.js";

/** Options of {@link createNodeTransport}. */
export interface NodeTransportOptions {
  /**
   * Most connections kept open to the org at once; requests beyond it wait for a free connection.
   * @default 64
   */
  readonly maxSockets?: number | undefined;
}

/** A `fetch` for Node built on `node:http`/`node:https` with keep-alive connections, and a way to close them. */
export interface NodeTransport extends FetchLike {
  /** Closes the idle kept-alive connections, so the process can exit without waiting for them to time out. */
  close(): void;
}

const TEXT = new TextDecoder();

function checkOptions(options: NodeTransportOptions): number {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { maxSockets }");
  }
  const { maxSockets = 64 } = options;
  if (!Number.isInteger(maxSockets) || maxSockets < 1) {
    throw new TypeError("options.maxSockets must be a positive integer");
  }
  return maxSockets;
}

/** Adds Node's raw header list (name, value, name, value, …) to `headers`. */
function appendRaw(headers: Headers, raw: readonly string[]): void {
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
}

function readAll(message: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    message.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.byteLength;
    });
    message.once("end", () => {
      const bytes = new Uint8Array(length);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
    message.once("error", reject);
  });
}

/** The request's body: a draft's JSON text, or a `Request`'s bytes read once; `undefined` for none. */
async function bodyOf(request: Outgoing): Promise<Buffer | undefined> {
  if (request.body === null) return undefined;
  return request instanceof DraftRequest
    ? Buffer.from(request.body)
    : Buffer.from(await request.arrayBuffer());
}

type Agents = Readonly<Record<"http:" | "https:", HttpAgent>>;

/** Starts sending `request` on one of `agents`' connections. */
function start(request: Outgoing, body: Buffer | undefined, agents: Agents): ClientRequest {
  const url = new URL(request.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`The Node transport only sends http: and https: requests, not ${url.protocol}`);
  }
  const headers = Object.fromEntries(request.headers);
  if (body !== undefined) headers["content-length"] = String(body.byteLength);
  const begin = url.protocol === "https:" ? httpsRequest : httpRequest;
  const outgoing = begin(url, { method: request.method, headers, agent: agents[url.protocol] });
  outgoing.end(body);
  return outgoing;
}

/** The response head of `outgoing`, or its first error. */
function headOf(outgoing: ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    outgoing.once("response", resolve);
    // `on`, not `once`: a request destroyed after its head arrived may still report an error, which must not throw.
    outgoing.on("error", reject);
  });
}

/** Whether a response hands its body on as a stream (`"stream"`) or only as kept text (`"kept"`). */
type BodyForm = "stream" | "kept";

async function send(
  request: Outgoing,
  agents: Agents,
  init: FetchInit | undefined,
  form: BodyForm,
): Promise<Response> {
  // Like fetch(request, init): a signal in init replaces the request's own.
  const signal = init?.signal ?? request.signal;
  signal?.throwIfAborted();
  const outgoing = start(request, await bodyOf(request), agents);
  // An abort destroys the request, whose response stream then fails too: it ends the body read as well. (Cheaper
  // than http.request's `signal` option, which also tracks the stream's end.)
  const abort = () => outgoing.destroy(signal?.reason);
  signal?.addEventListener("abort", abort, { once: true });
  try {
    const message = await headOf(outgoing);
    const bytes = await readAll(message);
    const status = message.statusCode ?? 0;
    const withBody = canHaveBody(status);
    const response = new Response(withBody && form === "stream" ? bytes : null, {
      status,
      statusText: message.statusMessage ?? "",
    });
    // Appended to the response's own list: a Headers passed in the init would be built, then copied.
    appendRaw(response.headers, message.rawHeaders);
    Object.defineProperty(response, "url", { value: request.url });
    // Already whole in memory: the client's layers take the text instead of reading the body again.
    return withBody ? keepBody(response, TEXT.decode(bytes)) : response;
  } catch (error) {
    // Like fetch: an aborted request rejects with the signal's reason, not with Node's AbortError.
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener("abort", abort);
  }
}

/**
 * Creates a `fetch` for the client's `fetch` option that sends requests with `node:http`/`node:https` over
 * kept-alive connections instead of Node's built-in fetch. It reads each response whole (Okta answers small
 * JSON) and never follows redirects: a 3xx comes back as it is. Given to the client, it hands bodies over in
 * memory instead of as streams. Node only; import it from
 * `okta-app-credentials/node-transport` so browser bundles never see `node:http`.
 * @throws {TypeError} when an option is invalid.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const maxSockets = checkOptions(options);
  const agents: Agents = {
    "http:": new HttpAgent({ keepAlive: true, maxSockets }),
    "https:": new HttpsAgent({ keepAlive: true, maxSockets }),
  };
  const transport = Object.assign(
    (request: Request, init?: FetchInit) => send(request, agents, init, "stream"),
    {
      close() {
        agents["http:"].destroy();
        agents["https:"].destroy();
      },
    },
  );
  // The client's own calls skip building a body stream they would never read.
  return withInMemoryForm(transport, (request, init) => send(request, agents, init, "kept"));
}
