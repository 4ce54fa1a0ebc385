import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { base64url, calculateJwkThumbprint, EmbeddedJWK, type JWK, jwtVerify } from "jose";

/** How the fake Okta org behaves. */
export interface OAuthServerOptions {
  /** The client id of the one registered service app. */
  readonly clientId: string;
  /** The public key registered on the app; a JWK without `alg` accepts every algorithm of its key type. */
  readonly publicKey: CryptoKey | JWK;
  /** The server clock (ms); share it with the client under test to move time. */
  readonly now: () => number;
  /** Answer token requests without a DPoP proof with 400 invalid_dpop_proof. */
  readonly requireDpop?: boolean;
  /** Demand a DPoP nonce on the token endpoint. */
  readonly tokenNonce?: boolean;
  /** Demand a DPoP nonce on the API. */
  readonly apiNonce?: boolean;
  /** `expires_in` of issued tokens, in seconds. */
  readonly tokenLifetime?: number;
  /** When set, the `kid` every client assertion must carry. */
  readonly expectedKid?: string;
  /** Replaces the token endpoint's answer when it returns one (for malformed answers). */
  readonly tokenOverride?: () => { status: number; contentType: string; body: string } | undefined;
}

/** One token request as the server saw it. */
export interface TokenLogEntry {
  readonly status: number;
  readonly error: string | undefined;
  readonly alg: string | undefined;
  readonly kid: string | undefined;
  readonly scope: string | null;
  readonly dpop: boolean;
  readonly nonce: unknown;
}

/** One API request as the server saw it. */
export interface ApiLogEntry {
  readonly status: number;
  readonly scheme: string | undefined;
  readonly nonce: unknown;
}

/** A running fake org: token endpoint at /oauth2/v1/token, API under /api/v1/. */
export interface OAuthServer {
  readonly origin: string;
  readonly tokenUrl: string;
  readonly tokenLog: TokenLogEntry[];
  readonly apiLog: ApiLogEntry[];
  /** Every client assertion and access token seen or issued, to check none of them leaks. */
  readonly secrets: string[];
  /** Forgets every issued token, as a revocation or a restart would. */
  revokeTokens(): void;
  /** Issues a new API nonce, so the client's current one becomes stale. */
  rotateApiNonce(): void;
  close(): Promise<void>;
}

interface IssuedToken {
  readonly expiresAt: number;
  readonly jkt: string | undefined;
}

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Starts the fake org on 127.0.0.1 with an ephemeral port. */
export async function startOAuthServer(options: OAuthServerOptions): Promise<OAuthServer> {
  const tokens = new Map<string, IssuedToken>();
  const seenJti = new Set<string>();
  const nonces = { token: randomUUID(), api: randomUUID() };
  const state = {
    origin: "",
    tokenLog: [] as TokenLogEntry[],
    apiLog: [] as ApiLogEntry[],
    secrets: [] as string[],
  };

  async function verifyProof(proof: string, method: string, url: string, accessToken?: string) {
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
      typ: "dpop+jwt",
      algorithms: ["ES256"],
      currentDate: new Date(options.now()),
      maxTokenAge: 60,
    });
    if (payload.htm !== method || payload.htu !== url) throw new Error("htm/htu mismatch");
    if (typeof payload.jti !== "string" || seenJti.has(payload.jti)) throw new Error("jti reused");
    seenJti.add(payload.jti);
    if (accessToken !== undefined) {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken));
      if (payload.ath !== base64url.encode(new Uint8Array(digest))) throw new Error("ath mismatch");
    }
    return { nonce: payload.nonce, jkt: await calculateJwkThumbprint(protectedHeader.jwk as JWK) };
  }

  async function verifyAssertion(assertion: string) {
    const tokenUrl = `${state.origin}/oauth2/v1/token`;
    const { payload, protectedHeader } = await jwtVerify(assertion, options.publicKey, {
      issuer: options.clientId,
      subject: options.clientId,
      audience: tokenUrl,
      currentDate: new Date(options.now()),
      requiredClaims: ["iat", "exp", "jti"],
    });
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > 300) throw new Error("assertion lives too long");
    if (typeof payload.jti !== "string" || seenJti.has(payload.jti)) throw new Error("assertion jti reused");
    seenJti.add(payload.jti);
    if (options.expectedKid !== undefined && protectedHeader.kid !== options.expectedKid)
      throw new Error("kid");
    return protectedHeader;
  }

  async function token(request: IncomingMessage, body: string, response: ServerResponse) {
    const form = new URLSearchParams(body);
    const proof = request.headers.dpop;
    const assertion = form.get("client_assertion") ?? "";
    state.secrets.push(assertion);
    const entry = { alg: undefined as string | undefined, kid: undefined as string | undefined };
    const log = (status: number, error?: string, nonce?: unknown) =>
      state.tokenLog.push({
        status,
        error,
        ...entry,
        scope: form.get("scope"),
        dpop: proof !== undefined,
        nonce,
      });
    const fail = (status: number, error: string, description: string, nonce?: unknown) => {
      log(status, error, nonce);
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (error === "use_dpop_nonce") headers["DPoP-Nonce"] = nonces.token;
      response.writeHead(status, headers).end(JSON.stringify({ error, error_description: description }));
    };
    const override = options.tokenOverride?.();
    if (override) {
      log(override.status);
      response.writeHead(override.status, { "Content-Type": override.contentType }).end(override.body);
      return;
    }
    if (
      form.get("grant_type") !== "client_credentials" ||
      form.get("client_assertion_type") !== ASSERTION_TYPE
    ) {
      return fail(400, "invalid_request", "Unsupported grant or client assertion type.");
    }
    try {
      const header = await verifyAssertion(assertion);
      entry.alg = header.alg;
      entry.kid = header.kid;
    } catch {
      return fail(401, "invalid_client", "The client_assertion signature is invalid.");
    }
    let jkt: string | undefined;
    if (typeof proof === "string") {
      try {
        const checked = await verifyProof(proof, "POST", `${state.origin}/oauth2/v1/token`);
        if (options.tokenNonce && checked.nonce !== nonces.token) {
          return fail(
            400,
            "use_dpop_nonce",
            "Authorization server requires nonce in DPoP proof.",
            checked.nonce,
          );
        }
        jkt = checked.jkt;
      } catch {
        return fail(400, "invalid_dpop_proof", "The DPoP proof is invalid.");
      }
    } else if (options.requireDpop) {
      return fail(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.");
    }
    const accessToken = `at.${randomUUID()}`;
    const lifetime = options.tokenLifetime ?? 3600;
    tokens.set(accessToken, { expiresAt: options.now() + lifetime * 1000, jkt });
    state.secrets.push(accessToken);
    log(200);
    response.writeHead(200, { "Content-Type": "application/json" }).end(
      JSON.stringify({
        token_type: jkt ? "DPoP" : "Bearer",
        expires_in: lifetime,
        access_token: accessToken,
        scope: form.get("scope"),
      }),
    );
  }

  async function api(request: IncomingMessage, response: ServerResponse) {
    const [scheme, accessToken = ""] = (request.headers.authorization ?? "").split(" ");
    const issued = tokens.get(accessToken);
    const deny = (challenge: string, nonce?: unknown, extra: Record<string, string> = {}) => {
      state.apiLog.push({ status: 401, scheme, nonce });
      response
        .writeHead(401, { "Content-Type": "application/json", "WWW-Authenticate": challenge, ...extra })
        .end(JSON.stringify({ errorCode: "E0000011", errorSummary: "Invalid token provided" }));
    };
    if (!issued || issued.expiresAt <= options.now()) return deny('Bearer error="invalid_token"');
    let nonce: unknown;
    if (issued.jkt) {
      if (scheme !== "DPoP" || typeof request.headers.dpop !== "string")
        return deny('DPoP error="invalid_token"');
      const url = `${state.origin}${new URL(request.url ?? "/", state.origin).pathname}`;
      try {
        const checked = await verifyProof(request.headers.dpop, request.method ?? "", url, accessToken);
        if (checked.jkt !== issued.jkt) throw new Error("proof key is not the token's key");
        nonce = checked.nonce;
      } catch {
        return deny('DPoP error="invalid_dpop_proof"');
      }
      if (options.apiNonce && nonce !== nonces.api) {
        return deny(
          'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
          nonce,
          {
            "DPoP-Nonce": nonces.api,
          },
        );
      }
    } else if (scheme !== "Bearer") {
      return deny('Bearer error="invalid_token"');
    }
    state.apiLog.push({ status: 200, scheme, nonce });
    // A list for a GET; for a POST (a new secret, say) something with an id, as the facade checks.
    const answer = request.method === "POST" ? { id: "ocs1new", status: "ACTIVE" } : [];
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer));
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = new URL(request.url ?? "/", "http://x").pathname;
      const handled =
        path === "/oauth2/v1/token" && request.method === "POST"
          ? token(request, body, response)
          : path.startsWith("/api/v1/")
            ? api(request, response)
            : Promise.resolve(void response.writeHead(404).end());
      handled.catch(() => response.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: state.origin,
    tokenUrl: `${state.origin}/oauth2/v1/token`,
    tokenLog: state.tokenLog,
    apiLog: state.apiLog,
    secrets: state.secrets,
    revokeTokens: () => tokens.clear(),
    rotateApiNonce: () => {
      nonces.api = randomUUID();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
