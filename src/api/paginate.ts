import type {
  Client,
  ClientPathsWithMethod,
  MaybeOptionalInit,
  MethodResponse,
  Middleware,
} from "openapi-fetch";
import { OktaError } from "../errors/okta-errors.js";
import { withCallSignal } from "./call-signal.js";
import { nextPage, type Page } from "./next-page.js";
import { unwrap } from "./unwrap.js";

/** How many pages {@link paginate} reads at most when `maxPages` is not given. */
const DEFAULT_MAX_PAGES = 1000;

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

/** The first page's options as {@link paginate} reads them. */
interface PageInit {
  readonly middleware?: readonly Middleware[];
  readonly signal?: AbortSignal;
}

type GetPage = (path: string, init: object) => Promise<PageResult>;

/** Options of {@link paginate} itself, besides those of the first page's request. */
export interface PaginateOptions {
  /**
   * The most pages read: a list that goes on beyond them ends in an `OktaError`, rather than running forever.
   * @default 1000
   */
  readonly maxPages?: number | undefined;
}

/**
 * Walks a list page by page, yielding its items, through the same client (so auth, retries and throttling apply).
 * Each page's `Link: <…>; rel="next"` is authoritative: it is requested exactly as given, query included. A next
 * link to another origin, or back to a page already read, is an `OktaError` and is never requested, and so is a
 * page beyond `maxPages`. Only one page is held in memory at a time.
 * @throws {TypeError} when an argument has the wrong type, on the first `next()`, before any request.
 * @throws {OktaApiError} when a page answers with a status other than 2xx.
 * @throws {OktaConnectionError} when a page gets no answer.
 * @see https://www.rfc-editor.org/rfc/rfc8288
 */
export async function* paginate<Paths extends {}, Path extends ListPath<Paths>>(
  raw: Client<Paths>,
  path: Path,
  // The first page's options are optional only when every field of them is.
  ...[init, options]: undefined extends ListInit<Paths, Path>
    ? [init?: ListInit<Paths, Path>, options?: PaginateOptions]
    : [init: ListInit<Paths, Path>, options?: PaginateOptions]
): AsyncGenerator<ListItem<Paths, Path>, void, undefined> {
  if (typeof raw?.GET !== "function")
    throw new TypeError("raw must be an openapi-fetch client, such as okta.raw");
  if (typeof path !== "string" || !path.startsWith("/"))
    throw new TypeError("path must be a path such as '/api/v1/…'");
  const maxPages = checkMaxPages(options?.maxPages);
  const get = raw.GET as unknown as GetPage;
  const read = new Set<string>();
  let next: URL | undefined;
  for (;;) {
    const page = await fetchPage(get, path, (init ?? {}) as PageInit, next);
    read.add(page.url);
    yield* page.items as ListItem<Paths, Path>[];
    next = nextPage(page, read);
    if (next === undefined) return;
    if (read.size >= maxPages) {
      const [first] = read;
      throw new OktaError(
        `GET ${first} has more than ${maxPages} pages; stopped there (raise maxPages to read further)`,
      );
    }
  }
}

/** Requests one page: the first with `init` as given, a later one at the `next` URL with the same options. */
async function fetchPage(get: GetPage, path: string, init: PageInit, next: URL | undefined): Promise<Page> {
  const sent: { url?: string } = {};
  const target: Middleware = {
    onRequest({ request }) {
      const page = next ? new Request(next, request) : request;
      sent.url = page.url;
      return page;
    },
  };
  const middleware = [...(init.middleware ?? []), target];
  const where = () => ({ method: "GET", url: sent.url ?? "" });
  const result = await withCallSignal(init.signal, (signal) =>
    unwrap(where, init.signal, () => get(path, { ...init, middleware, signal })),
  );
  const url = sent.url ?? result.response.url;
  if (!Array.isArray(result.data)) throw new OktaError(`Expected a JSON array from GET ${url}`);
  return { items: result.data, url, headers: result.response.headers };
}

function checkMaxPages(maxPages: unknown): number {
  if (maxPages === undefined) return DEFAULT_MAX_PAGES;
  if (typeof maxPages !== "number" || !Number.isSafeInteger(maxPages) || maxPages < 1) {
    throw new TypeError("maxPages must be a whole number of 1 or more");
  }
  return maxPages;
}
