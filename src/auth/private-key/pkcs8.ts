import { DER_TAG, encodeDerElement, readDerElement, toHex } from "./der.js";

/** What a PKCS#8 `PrivateKeyInfo` holds: an RSA key, or an EC key on a named curve. */
export type Pkcs8KeyType = { readonly kty: "RSA" } | { readonly kty: "EC"; readonly crv: string };

// Contents of the object identifiers (RFC 8017, RFC 5480), as hex.
const RSA_ENCRYPTION = "2a864886f70d010101";
const EC_PUBLIC_KEY = "2a8648ce3d0201";
const CURVE_BY_OID: Readonly<Record<string, string>> = {
  "2a8648ce3d030107": "P-256",
  "2b81040022": "P-384",
  "2b81040023": "P-521",
};

// AlgorithmIdentifier { rsaEncryption, NULL }: the fixed prefix PKCS#8 puts before an RSA key.
const RSA_ALGORITHM_IDENTIFIER = Uint8Array.of(
  0x30,
  0x0d,
  0x06,
  0x09,
  0x2a,
  0x86,
  0x48,
  0x86,
  0xf7,
  0x0d,
  0x01,
  0x01,
  0x01,
  0x05,
  0x00,
);
const VERSION_ZERO = Uint8Array.of(DER_TAG.integer, 0x01, 0x00);

/**
 * Says which kind of key a DER `PrivateKeyInfo` holds, or `undefined` for anything else (RSA-PSS, Ed25519, junk).
 * @see https://www.rfc-editor.org/rfc/rfc5208#section-5
 */
export function readPkcs8KeyType(der: Uint8Array): Pkcs8KeyType | undefined {
  const info = readDerElement(der, 0);
  if (info?.tag !== DER_TAG.sequence || info.end !== der.length) return undefined;
  const version = readDerElement(der, info.start);
  if (version?.tag !== DER_TAG.integer) return undefined;
  const algorithm = readDerElement(der, version.end);
  if (algorithm?.tag !== DER_TAG.sequence) return undefined;
  const oid = readDerElement(der, algorithm.start);
  if (oid?.tag !== DER_TAG.oid) return undefined;
  const oidHex = toHex(der.subarray(oid.start, oid.end));
  if (oidHex === RSA_ENCRYPTION) return { kty: "RSA" };
  if (oidHex !== EC_PUBLIC_KEY) return undefined;
  const curve = readDerElement(der, oid.end);
  const crv =
    curve?.tag === DER_TAG.oid ? CURVE_BY_OID[toHex(der.subarray(curve.start, curve.end))] : undefined;
  return crv ? { kty: "EC", crv } : undefined;
}

/**
 * Wraps a DER PKCS#1 `RSAPrivateKey` ("BEGIN RSA PRIVATE KEY") in a PKCS#8 `PrivateKeyInfo`, which is what
 * WebCrypto imports. Pure re-encoding: the key bytes are copied unchanged. Returns `undefined` if `pkcs1` is not a
 * single DER sequence starting with a version integer.
 * @see https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2
 */
export function wrapPkcs1RsaKey(pkcs1: Uint8Array): Uint8Array | undefined {
  const key = readDerElement(pkcs1, 0);
  if (key?.tag !== DER_TAG.sequence || key.end !== pkcs1.length) return undefined;
  if (readDerElement(pkcs1, key.start)?.tag !== DER_TAG.integer) return undefined;
  const octets = encodeDerElement(DER_TAG.octetString, pkcs1);
  const contents = new Uint8Array(VERSION_ZERO.length + RSA_ALGORITHM_IDENTIFIER.length + octets.length);
  contents.set(VERSION_ZERO, 0);
  contents.set(RSA_ALGORITHM_IDENTIFIER, VERSION_ZERO.length);
  contents.set(octets, VERSION_ZERO.length + RSA_ALGORITHM_IDENTIFIER.length);
  return encodeDerElement(DER_TAG.sequence, contents);
}
