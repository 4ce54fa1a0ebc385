// Loopback hosts, where mocks and test servers run: the only ones plain http may carry credentials to.
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** `value` as an absolute URL, or `undefined` when it is not a string holding one. */
export function parseUrl(value: unknown, base?: string): URL | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** Whether credentials may be sent to `url`: https, or plain http to a loopback host. */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOST.test(url.hostname));
}

// Okta's admin console lives on `<org>-admin.okta.com`; the API is served from `<org>.okta.com`.
const ADMIN_HOST = /^([a-z0-9-]+)-admin\.(okta|oktapreview|okta-emea|okta-gov|okta-mil)\.com$/i;

/**
 * Checks that `orgUrl` names an Okta org and returns its origin, for example `https://acme.okta.com`.
 * Plain http is allowed only for loopback hosts, where mocks and test servers run.
 * @throws {TypeError} naming `orgUrl` and what is wrong with it; credentials in the URL are never echoed.
 */
export function toOrgOrigin(orgUrl: unknown): string {
  if (typeof orgUrl !== "string" || orgUrl.trim() === "") {
    throw new TypeError("orgUrl must be a non-empty string such as https://acme.okta.com");
  }
  const url = parseUrl(orgUrl);
  if (!url) throw new TypeError("orgUrl must be an absolute URL such as https://acme.okta.com");
  if (url.username !== "" || url.password !== "") {
    throw new TypeError("orgUrl must not contain credentials; pass them in the auth option");
  }
  if (!isHttpsOrLoopback(url)) {
    throw new TypeError(
      `orgUrl must use https (plain http only for loopback hosts); got ${url.protocol}//${url.host}`,
    );
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.hash !== "") {
    throw new TypeError(
      `orgUrl must be the org's origin without path, query or fragment, such as ${url.origin}`,
    );
  }
  // A fully qualified name may end with the root's dot (`acme-admin.okta.com.`): the same host.
  const admin = ADMIN_HOST.exec(url.hostname.replace(/\.$/, ""));
  if (admin) {
    throw new TypeError(
      `orgUrl points at the admin console (${url.hostname}); use the org domain https://${admin[1]}.${admin[2]}.com`,
    );
  }
  return url.origin;
}
