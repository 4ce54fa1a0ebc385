import type { NewJwk } from "../api/types.js";
import { isSigningAlg, SIGNING_ALGS, type SigningAlg } from "./algorithms.js";
import type { CryptoKeyLike } from "./crypto-key-like.js";
import { toOktaJwk } from "./to-okta-jwk.js";

export { SIGNING_ALGS, type SigningAlg } from "./algorithms.js";

/**
 * A new key pair for a rotation: the private half to deploy, the public half to register with Okta, and the
 * `algorithm` and `keyId` that `privateKey` auth needs with it.
 */
export interface GeneratedSigningKey {
  /** The private key as PKCS#8 PEM, for your secret store; keep `algorithm` and `keyId` with it. */
  readonly privateKeyPem: string;
  /** The private key as an extractable `CryptoKey`, ready to sign with jose. */
  readonly privateKey: CryptoKeyLike;
  /** The public key for `jwks.add` or `rotateJwk`, with `kid` = its RFC 7638 thumbprint. */
  readonly publicJwk: NewJwk;
  /**
   * The algorithm `publicJwk` is registered for: the `algorithm` of `privateKey` auth. A PEM names no algorithm,
   * so auth from `privateKeyPem` signs RS384/RS512 keys with RS256 unless it is given.
   */
  readonly algorithm: SigningAlg;
  /** The `kid` of `publicJwk`: the `keyId` of `privateKey` auth, which Okta needs when the app has several keys. */
  readonly keyId: string;
}

/**
 * Generates a signing key pair with WebCrypto (RSA keys have 2048-bit moduli).
 * @default alg "ES256"
 * @throws {TypeError} when `alg` is not one of {@link SIGNING_ALGS}.
 */
export async function generateSigningKey(
  options: { readonly alg?: SigningAlg } = {},
): Promise<GeneratedSigningKey> {
  const alg = options?.alg ?? "ES256";
  if (!isSigningAlg(alg)) throw new TypeError(`options.alg must be one of ${SIGNING_ALGS.join(", ")}`);
  const jose = await import("./jose-keys.js");
  const { privateKey, publicKey } = await jose.generateKeyPair(alg, {
    extractable: true,
    modulusLength: 2048,
  });
  const keyId = await jose.calculateJwkThumbprint(await jose.exportJWK(publicKey), "sha256");
  return {
    privateKeyPem: await jose.exportPKCS8(privateKey),
    privateKey,
    publicJwk: await toOktaJwk(publicKey, { use: "sig", alg, kid: keyId }),
    algorithm: alg,
    keyId,
  };
}
