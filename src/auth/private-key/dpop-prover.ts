import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { encode as toBase64Url } from "jose/base64url";

/** What one DPoP proof covers. */
export interface DpopProofInit {
  readonly method: string;
  readonly url: string;
  /** The access token the request carries; hashed into `ath`. Absent on token requests. */
  readonly accessToken?: string | undefined;
  /** The latest nonce the target server supplied. */
  readonly nonce?: string | undefined;
}

/** Signs DPoP proofs with one ephemeral ES256 key that never leaves WebCrypto. */
export interface DpopProver {
  proof(init: DpopProofInit): Promise<string>;
}

interface ProofKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/**
 * Makes a prover with its own P-256 key pair, generated on first use as non-extractable. This key is never the
 * client's private key: DPoP binds tokens to a key that exists only in this process.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2
 */
export function createDpopProver(now: () => number): DpopProver {
  let key: Promise<ProofKey> | undefined;
  return {
    async proof(init) {
      key ??= generateProofKey();
      const { privateKey, publicJwk } = await key;
      const claims: Record<string, string> = { htm: init.method.toUpperCase(), htu: toHtu(init.url) };
      if (init.accessToken !== undefined) claims.ath = await hashAccessToken(init.accessToken);
      if (init.nonce !== undefined) claims.nonce = init.nonce;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: publicJwk })
        .setIssuedAt(Math.floor(now() / 1000))
        .setJti(crypto.randomUUID())
        .sign(privateKey);
    },
  };
}

/** The `htu` claim: the request URL without query and fragment (RFC 9449 §4.2). */
export function toHtu(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** The `ath` claim: base64url of the SHA-256 of the access token's ASCII bytes (RFC 9449 §4.2). */
export async function hashAccessToken(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken));
  return toBase64Url(new Uint8Array(digest));
}

async function generateProofKey(): Promise<ProofKey> {
  const pair = await generateKeyPair("ES256", { extractable: false });
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: { kty, crv, x, y } as JWK };
}
