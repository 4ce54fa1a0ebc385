import { importJWK, type JWK } from "jose";
import {
  algFits,
  boundAlg,
  type EcCurve,
  isEcCurve,
  isSigningAlg,
  SIGNING_ALGS,
  type SigningAlg,
} from "../../keys/algorithms.js";
import { importPem } from "../../keys/import-pem.js";
import type { KeyShape } from "../check-key-shape.js";

/** A private key checked in depth and imported to sign with: its algorithm, the JWK's `kid` if any, the key. */
export interface SigningKey {
  readonly key: CryptoKey;
  readonly alg: SigningAlg;
  readonly kid: string | undefined;
}

/**
 * Checks what a private key of a checked shape holds and imports it, non-extractable, for the algorithm it signs
 * with: the one the key is bound to (EC curve, JWK `alg`, CryptoKey hash), else `requested`, else RS256.
 * @throws {TypeError} naming `auth.privateKey` or `auth.algorithm`; messages never contain key material.
 */
export function toSigningKey(shape: KeyShape, requested: SigningAlg | undefined): Promise<SigningKey> {
  if (shape.kind === "pem") return fromPem(shape.text, requested);
  if (shape.kind === "jwk") return fromJwk(shape.jwk, requested);
  return fromCryptoKey(shape.key, requested);
}

async function fromPem(text: string, requested: SigningAlg | undefined): Promise<SigningKey> {
  // jose imports the key for the first algorithm it fits: `requested` when it does, else the key's first (RS256 for
  // RSA, its curve's for EC), which is then the one chosen, or `requested` is refused.
  const algs = requested ? [requested, ...SIGNING_ALGS] : SIGNING_ALGS;
  const name = "auth.privateKey";
  const { key } = await importPem(text, { name, privateOnly: true, algs, extractable: false });
  return { key, alg: chooseAlg(curveOf(key), undefined, requested), kid: undefined };
}

async function fromJwk(jwk: JWK, requested: SigningAlg | undefined): Promise<SigningKey> {
  const crv = jwk.kty === "EC" && isEcCurve(jwk.crv) ? jwk.crv : undefined;
  if (jwk.kty === "EC" && !crv) {
    throw new TypeError(
      `auth.privateKey: EC curve ${String(jwk.crv)} is not supported (use P-256, P-384 or P-521)`,
    );
  }
  const own = jwk.alg;
  if (own !== undefined && !(isSigningAlg(own) && algFits(own, "sig", crv))) {
    throw new TypeError(`auth.privateKey: the JWK's alg ${String(own)} does not fit its ${jwk.kty} key`);
  }
  const alg = chooseAlg(crv, own, requested);
  const key = await importJWK({ ...jwk, ext: false }, alg, { extractable: false }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.name : "error";
    throw new TypeError(`auth.privateKey: the key could not be imported (${reason})`);
  });
  const kid = typeof jwk.kid === "string" && jwk.kid !== "" ? jwk.kid : undefined;
  return { key: key as CryptoKey, alg, kid };
}

async function fromCryptoKey(key: CryptoKey, requested: SigningAlg | undefined): Promise<SigningKey> {
  const { name, hash } = key.algorithm as { name: string; hash?: { name: string } };
  const crv = curveOf(key);
  const signs = name === "ECDSA" || name === "RSASSA-PKCS1-v1_5";
  const bound = signs ? boundAlg({ crv, hash: hash?.name }) : undefined;
  if (!bound) throw new TypeError(`auth.privateKey: a ${name} CryptoKey cannot sign client assertions`);
  return { key, alg: chooseAlg(crv, bound, requested), kid: undefined };
}

function curveOf(key: CryptoKey): EcCurve | undefined {
  const { namedCurve } = key.algorithm as { namedCurve?: unknown };
  return isEcCurve(namedCurve) ? namedCurve : undefined;
}

/** `requested`, else the algorithm the key is bound to, else the key's first; refused when it does not fit. */
function chooseAlg(
  crv: EcCurve | undefined,
  bound: SigningAlg | undefined,
  requested: SigningAlg | undefined,
): SigningAlg {
  const fitting = SIGNING_ALGS.filter((alg) => algFits(alg, "sig", crv));
  const alg = requested ?? bound ?? fitting[0];
  if (alg && fitting.includes(alg) && (bound === undefined || alg === bound)) return alg;
  throw new TypeError(
    `auth.algorithm: ${alg} does not fit this ${crv ? "EC" : "RSA"} key (it signs with ${bound ?? fitting.join(", ")})`,
  );
}
