import { OktaError } from "../errors/okta-errors.js";
import { parseUrl } from "../org-url.js";
import { findLink } from "./link-header.js";

/** One page of a list as read: its items, the URL it came from and its headers. */
export interface Page {
  readonly items: readonly unknown[];
  readonly url: string;
  readonly headers: Headers;
}

/**
 * The next page's URL, resolved against the page's own; refuses another origin than the first page's, and a page
 * already read, which would make the walk go round for ever.
 */
export function nextPage(page: Page, read: ReadonlySet<string>): URL | undefined {
  const href = findLink(page.headers.get("Link"), "next");
  if (href === undefined) return undefined;
  const next = parseUrl(href, page.url);
  if (!next) throw new OktaError(`The next link of GET ${page.url} is not a URL`);
  // A fragment is never sent: links that differ only there name the same page.
  next.hash = "";
  const [first = page.url] = read;
  const origin = new URL(first).origin;
  if (next.origin !== origin) {
    throw new OktaError(`Refusing to follow a next link to ${next.origin}: the list is on ${origin}`);
  }
  if (read.has(next.href)) {
    throw new OktaError(`The next link of GET ${page.url} leads back to ${next.href}, a page already read`);
  }
  return next;
}
