// DER of the PKCS#8 header for an RSA key: version 0 and AlgorithmIdentifier { rsaEncryption, NULL } (RFC 5208, RFC 8017 A.1).
const VERSION_0 = [0x02, 0x01, 0x00];
const RSA_ENCRYPTION = [
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];

/**
 * Wraps a PKCS#1 `RSAPrivateKey` (PEM label `RSA PRIVATE KEY`) in a PKCS#8 `PrivateKeyInfo`, which WebCrypto
 * imports. Only the ASN.1 envelope is written; the key bytes pass through untouched.
 * @see RFC 5208 section 5
 */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const octetString = [0x04, ...derLength(pkcs1.length)];
  const contentLength = VERSION_0.length + RSA_ENCRYPTION.length + octetString.length + pkcs1.length;
  const header = [0x30, ...derLength(contentLength), ...VERSION_0, ...RSA_ENCRYPTION, ...octetString];
  const out = new Uint8Array(header.length + pkcs1.length);
  out.set(header);
  out.set(pkcs1, header.length);
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}
