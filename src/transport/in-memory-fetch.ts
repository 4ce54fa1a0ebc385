import type { FetchLike } from "./fetch-like.js";
import type { Send } from "./outgoing.js";

/** Where a fetch of this package keeps its in-memory form; a registered symbol, so every bundled copy agrees. */
const IN_MEMORY = Symbol.for("okta-app-credentials.in-memory-fetch");

/**
 * Gives `fetch` an in-memory form: a fetch whose responses carry no body stream, their whole body being recorded
 * with `keepBody` instead. The client sends its own calls through that form when it has one, and reads the text;
 * everyone else calling `fetch` gets ordinary responses.
 */
export function withInMemoryForm<F extends FetchLike>(fetch: F, inMemory: Send): F {
  Object.defineProperty(fetch, IN_MEMORY, { value: inMemory });
  return fetch;
}

/** The in-memory form of `fetch`, if it has one. */
export function inMemoryFormOf(fetch: FetchLike): Send | undefined {
  const form: unknown = (fetch as FetchLike & { readonly [IN_MEMORY]?: unknown })[IN_MEMORY];
  return typeof form === "function" ? (form as Send) : undefined;
}
