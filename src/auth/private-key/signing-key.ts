import type { JWK } from "jose";
import { checkKeyShape, NOT_A_PEM } from "../check-key-shape.js";
import { markOptionError } from "../option-error.js";
import { isSigningAlgorithm, type SigningAlgorithm } from "../signing-algorithm.js";
import { ALGORITHM_BY_RSA_HASH, chooseAlgorithm } from "./choose-algorithm.js";
import type { KeySource } from "./import-signing-key.js";
import { readPem, toPem } from "./pem.js";
import { readPkcs8KeyType, wrapPkcs1RsaKey } from "./pkcs8.js";

/** A checked private key: the algorithm it signs with, the JWK's `kid` if any, and a lazy WebCrypto import. */
export interface SigningKey {
  readonly alg: SigningAlgorithm;
  readonly kid: string | undefined;
  /** Imports the key (once) as a non-extractable CryptoKey. */
  readonly load: () => Promise<CryptoKey>;
}

const CONVERT_HINT = "convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`";

// What each PEM label means here; none of the messages may quote the key itself.
const PEM_LABEL_PROBLEMS: Readonly<Record<string, string>> = {
  "EC PRIVATE KEY": `is a SEC1 "EC PRIVATE KEY"; ${CONVERT_HINT}`,
  "ENCRYPTED PRIVATE KEY": "is encrypted; decrypt it first with `openssl pkcs8 -in key.pem -out plain.pem`",
  "ENCRYPTED RSA PRIVATE KEY": `is encrypted; ${CONVERT_HINT}`,
  "ENCRYPTED EC PRIVATE KEY": `is encrypted; ${CONVERT_HINT}`,
  "PUBLIC KEY": "is a public key; pass the private key whose public half is registered with Okta",
  "RSA PUBLIC KEY": "is a public key; pass the private key whose public half is registered with Okta",
  CERTIFICATE: "is a certificate; pass the private key whose public half is registered with Okta",
};

/**
 * Checks `privateKey` (PKCS#8 or PKCS#1 PEM, private JWK, or CryptoKey) synchronously and works out its algorithm:
 * first its shape ({@link checkKeyShape}), then what it holds (DER structure, key type, curve, bound algorithm).
 * Throws a TypeError naming `auth.privateKey` or `auth.algorithm`; messages never contain key material.
 */
export function toSigningKey(privateKey: unknown, algorithm: SigningAlgorithm | undefined): SigningKey {
  const shape = checkKeyShape(privateKey);
  if (shape.kind === "pem") return fromPem(shape.text, algorithm);
  if (shape.kind === "cryptoKey") return fromCryptoKey(shape.key, algorithm);
  return fromJwk(shape.jwk, algorithm);
}

function fromPem(text: string, algorithm: SigningAlgorithm | undefined): SigningKey {
  const pem = readPem(text);
  if (!pem) throw new TypeError(NOT_A_PEM);
  const problem = PEM_LABEL_PROBLEMS[pem.label];
  if (problem) throw new TypeError(`auth.privateKey: the PEM ${problem}`);
  if (pem.label !== "PRIVATE KEY" && pem.label !== "RSA PRIVATE KEY") {
    throw new TypeError(`auth.privateKey: unsupported PEM block "${pem.label}" (expected PRIVATE KEY)`);
  }
  const der = pem.label === "RSA PRIVATE KEY" ? wrapPkcs1RsaKey(pem.der) : pem.der;
  const type = der && readPkcs8KeyType(der);
  if (!der || !type) throw new TypeError("auth.privateKey: the PEM does not hold an RSA or EC private key");
  const alg = chooseAlgorithm(type, algorithm);
  const pkcs8 = toPem("PRIVATE KEY", der);
  return { alg, kid: undefined, load: once(() => importLazily({ pkcs8 }, alg)) };
}

function fromJwk(jwk: JWK, algorithm: SigningAlgorithm | undefined): SigningKey {
  if (jwk.alg !== undefined && !isSigningAlgorithm(jwk.alg)) {
    throw new TypeError(`auth.privateKey: the JWK's alg ${String(jwk.alg)} is not supported`);
  }
  const bound = isSigningAlgorithm(jwk.alg) ? jwk.alg : undefined;
  const type =
    jwk.kty === "EC" ? { kty: "EC" as const, crv: String(jwk.crv) } : { kty: "RSA" as const, bound };
  if (bound && !fits(type, bound)) {
    throw new TypeError(`auth.privateKey: the JWK's alg ${bound} does not fit its ${jwk.kty} key`);
  }
  const alg = chooseAlgorithm(type, algorithm ?? bound);
  const kid = typeof jwk.kid === "string" && jwk.kid !== "" ? jwk.kid : undefined;
  return { alg, kid, load: once(() => importLazily({ jwk }, alg)) };
}

function fromCryptoKey(key: CryptoKey, algorithm: SigningAlgorithm | undefined): SigningKey {
  const { name, hash, namedCurve } = key.algorithm as {
    name: string;
    hash?: { name: string };
    namedCurve?: string;
  };
  if (name === "ECDSA" && namedCurve) {
    return {
      alg: chooseAlgorithm({ kty: "EC", crv: namedCurve }, algorithm),
      kid: undefined,
      load: async () => key,
    };
  }
  const bound = name === "RSASSA-PKCS1-v1_5" && hash ? ALGORITHM_BY_RSA_HASH[hash.name] : undefined;
  if (!bound) throw new TypeError(`auth.privateKey: a ${name} CryptoKey cannot sign client assertions`);
  return { alg: chooseAlgorithm({ kty: "RSA", bound }, algorithm), kid: undefined, load: async () => key };
}

function fits(type: Parameters<typeof chooseAlgorithm>[0], alg: SigningAlgorithm): boolean {
  try {
    return chooseAlgorithm(type, alg) === alg;
  } catch {
    return false;
  }
}

// jose is loaded on first use, so that apps authenticating with tokens never download it.
async function importLazily(source: KeySource, alg: SigningAlgorithm): Promise<CryptoKey> {
  return (await import("./import-signing-key.js")).importSigningKey(source, alg);
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= make().catch((error: unknown) => {
      result = undefined;
      const reason = error instanceof Error ? error.name : "error";
      // Found on the first call, inside the transport: marked so that it is neither retried nor wrapped.
      throw markOptionError(new TypeError(`auth.privateKey: the key could not be imported (${reason})`));
    });
    return result;
  };
}
