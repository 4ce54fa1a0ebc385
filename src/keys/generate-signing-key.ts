import type { NewJwk } from "../api/types.js";
import { isSigningAlg, SIGNING_ALGS, type SigningAlg } from "./algorithms.js";
import type { CryptoKeyLike } from "./crypto-key-like.js";
import { toOktaJwk } from "./to-okta-jwk.js";

export { SIGNING_ALGS, type SigningAlg } from "./algorithms.js";

/** A new key pair for a rotation: the private half to deploy, the public half to register with Okta. */
export interface GeneratedSigningKey {
  /** The private key as PKCS#8 PEM, for your secret store. */
  readonly privateKeyPem: string;
  /** The private key as an extractable `CryptoKey`, ready to sign with jose. */
  readonly privateKey: CryptoKeyLike;
  /** The public key for `jwks.add` or `rotateJwk`, with `kid` = its RFC 7638 thumbprint. */
  readonly publicJwk: NewJwk;
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
  const { exportPKCS8, generateKeyPair } = await import("./jose-keys.js");
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  return {
    privateKeyPem: await exportPKCS8(privateKey),
    privateKey,
    publicJwk: await toOktaJwk(publicKey, { use: "sig", alg }),
  };
}
