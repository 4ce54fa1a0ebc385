import { OktaConnectionError, OktaError, OktaOAuthError } from "../../errors/okta-errors.js";
import type { FetchLike } from "../../transport/fetch-like.js";
import { isRedirect } from "../../transport/with-no-redirects.js";
import { createClientAssertion } from "./client-assertion.js";
import type { DpopProver } from "./dpop-prover.js";
import { readOAuthError } from "./read-oauth-error.js";
import type { SigningKey } from "./signing-key.js";
import { readTokenGrant, type TokenGrant } from "./token-grant.js";

/** Everything one token request needs; `dpop` and `nonces` are shared with the API side and updated here. */
export interface TokenRequestContext {
  readonly clientId: string;
  /** The private key, checked and imported on first use. */
  readonly signingKey: () => Promise<SigningKey>;
  /** The assertion's `kid`; the JWK's own `kid` when not given. */
  readonly keyId: string | undefined;
  readonly scopes: readonly string[];
  readonly tokenUrl: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly prover: () => DpopProver;
  /** Latest DPoP nonce per server: the token URL, and each API origin. */
  readonly nonces: Map<string, string>;
  /** The DPoP mode; `"auto"` becomes `true` for good once the token endpoint demands DPoP. */
  dpop: boolean | "auto";
}

/** How to recover from a token-endpoint error, each at most once per token request. */
type Recovery = "retryWithNonce" | "switchToDpop";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const DPOP_REQUIRED_HINT = `The app requires DPoP: set auth.dpop to "auto" or true.`;
const DPOP_ERRORS = new Set(["invalid_dpop_proof", "use_dpop_nonce"]);

/**
 * Gets an access token with the client credentials grant and a `private_key_jwt` assertion, answering
 * `use_dpop_nonce` and (in `"auto"` mode) `invalid_dpop_proof` with one more request each.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 */
export async function requestToken(context: TokenRequestContext): Promise<TokenGrant> {
  const used = new Set<Recovery>();
  for (;;) {
    const requestedAt = context.now();
    const { request, sent } = await buildTokenRequest(context, requestedAt);
    const response = await send(context, request);
    const nonce = response.headers.get("DPoP-Nonce");
    if (nonce && context.dpop !== false) context.nonces.set(context.tokenUrl, nonce);
    if (response.ok) return readTokenGrant(response, context.tokenUrl, requestedAt);
    const error = await readOAuthError(response, context.tokenUrl, sent);
    const recovery = chooseRecovery(error, context, nonce);
    if (!recovery || used.has(recovery)) throw explain(error, context);
    used.add(recovery);
    if (recovery === "switchToDpop") context.dpop = true;
  }
}

function chooseRecovery(
  error: OktaOAuthError,
  context: TokenRequestContext,
  nonce: string | null,
): Recovery | undefined {
  if (error.status !== 400) return undefined;
  if (error.error === "use_dpop_nonce" && context.dpop === true && nonce) return "retryWithNonce";
  if (error.error === "invalid_dpop_proof" && context.dpop === "auto") return "switchToDpop";
  return undefined;
}

// Okta's own description ("The DPoP proof JWT header is missing.") does not say which option to change.
function explain(error: OktaOAuthError, context: TokenRequestContext): OktaOAuthError {
  if (context.dpop !== false || !DPOP_ERRORS.has(error.error)) return error;
  const { status, errorDescription, tokenUrl } = error;
  return new OktaOAuthError({
    status,
    error: error.error,
    errorDescription,
    tokenUrl,
    hint: DPOP_REQUIRED_HINT,
  });
}

/** The token request, and the credentials it carries (its assertion, its DPoP proof). */
async function buildTokenRequest(
  context: TokenRequestContext,
  now: number,
): Promise<{ request: Request; sent: string[] }> {
  const { key, alg, kid } = await context.signingKey();
  const assertion = await createClientAssertion({
    clientId: context.clientId,
    tokenUrl: context.tokenUrl,
    key,
    alg,
    kid: context.keyId ?? kid,
    now,
  });
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    scope: context.scopes.join(" "),
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
  });
  const headers = new Headers({ Accept: "application/json" });
  const sent = [assertion];
  if (context.dpop === true) {
    const nonce = context.nonces.get(context.tokenUrl);
    const proof = await context.prover().proof({ method: "POST", url: context.tokenUrl, nonce });
    headers.set("DPoP", proof);
    sent.push(proof);
  }
  // Never followed, whatever fetch is used: a 307 would post the assertion (and a DPoP proof) wherever `Location`
  // names, a 302 would fetch a token from there.
  return {
    request: new Request(context.tokenUrl, { method: "POST", headers, body, redirect: "manual" }),
    sent,
  };
}

async function send(context: TokenRequestContext, request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await context.fetch(request);
  } catch (error) {
    if (error instanceof OktaError) throw error;
    throw new OktaConnectionError({ method: "POST", url: context.tokenUrl }, error);
  }
  if (!isRedirect(response)) return response;
  await response.body?.cancel();
  throw new OktaOAuthError({
    status: response.status,
    error: "unexpected_redirect",
    errorDescription: "the token endpoint answered with a redirect, which is never followed",
    tokenUrl: context.tokenUrl,
  });
}
