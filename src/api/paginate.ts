import type {
  Client,
  ClientPathsWithMethod,
  MaybeOptionalInit,
  MethodResponse,
  Middleware,
} from "openapi-fetch";
import { OktaError } from "../errors.js";
import { findLink } from "./link-header.js";
import { unwrap } from "./unwrap.js";

/** The GET paths of `Paths` whose success response is a JSON array: the lists {@link paginate} can walk. */
export type ListPath<Paths extends {}> = {
  [Path in ClientPathsWithMethod<Client<Paths>, "get">]: MethodResponse<
    Client<Paths>,
    "get",
    Path
  > extends readonly unknown[]
    ? Path
    : never;
}[ClientPathsWithMethod<Client<Paths>, "get">];

/** The type of one item of the list at `Path`. */
export type ListItem<Paths extends {}, Path extends ListPath<Paths>> =
  MethodResponse<Client<Paths>, "get", Path> extends readonly (infer Item)[] ? Item : never;

/** The options of the first page's request, exactly as `raw.GET(path, init)` takes them. */
export type ListInit<Paths extends {}, Path extends ListPath<Paths>> = Paths[Path] extends infer Item extends
  { get: unknown }
  ? MaybeOptionalInit<Item, "get">
  : never;

interface PageResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Walks a list page by page, yielding its items, through the same client (so auth, retries and throttling apply).
 * Each page's `Link: <…>; rel="next"` is authoritative: it is requested exactly as given, query included. A next
 * link to another origin is an `OktaError` and is never requested. Only one page is held in memory at a time.
 * @throws {OktaApiError} when a page answers with a status other than 2xx.
 * @throws {OktaConnectionError} when a page gets no answer.
 * @see https://www.rfc-editor.org/rfc/rfc8288
 */
export async function* paginate<Paths extends {}, Path extends ListPath<Paths>>(
  raw: Client<Paths>,
  path: Path,
  // Optional only when every field of the first page's options is.
  ...[init]: undefined extends ListInit<Paths, Path>
    ? [init?: ListInit<Paths, Path>]
    : [init: ListInit<Paths, Path>]
): AsyncGenerator<ListItem<Paths, Path>, void, undefined> {
  if (typeof raw?.GET !== "function")
    throw new TypeError("raw must be an openapi-fetch client, such as okta.raw");
  if (typeof path !== "string" || !path.startsWith("/"))
    throw new TypeError("path must be a path such as '/api/v1/…'");
  const options = (init ?? {}) as {
    readonly middleware?: readonly Middleware[];
    readonly signal?: AbortSignal;
  };
  const get = raw.GET as unknown as (path: string, init: object) => Promise<PageResult>;
  let next: URL | undefined;
  let origin: string | undefined;
  for (;;) {
    const sent: { url?: string } = {};
    const target: Middleware = {
      onRequest({ request }) {
        const page = next ? new Request(next, request) : request;
        sent.url = page.url;
        return page;
      },
    };
    const middleware = [...(options.middleware ?? []), target];
    const where = () => ({ method: "GET", url: sent.url ?? "" });
    const result = await unwrap(where, options.signal, () => get(path, { ...options, middleware }));
    const url = sent.url ?? result.response.url;
    if (!Array.isArray(result.data)) throw new OktaError(`Expected a JSON array from GET ${url}`);
    yield* result.data as ListItem<Paths, Path>[];
    origin ??= new URL(url).origin;
    next = nextPage(result.response.headers, url, origin);
    if (next === undefined) return;
  }
}

/** The next page's URL, resolved against the current one; refuses another origin and a link to the same page. */
function nextPage(headers: Headers, current: string, origin: string): URL | undefined {
  const href = findLink(headers.get("Link"), "next");
  if (href === undefined) return undefined;
  const next = new URL(href, current);
  if (next.origin !== origin) {
    throw new OktaError(`Refusing to follow a next link to ${next.origin}: the list is on ${origin}`);
  }
  if (next.href === current) throw new OktaError(`The next link of GET ${current} points to the same page`);
  return next;
}
