/**
 * Measures an RSA modulus given as base64url (a JWK `n`): its length in bits, leading zero bytes ignored.
 * Returns 0 when `n` is not valid base64url.
 * @see RFC 7518 section 6.3.1.1
 */
export function rsaModulusBits(n: string): number {
  const bytes = decodeBase64Url(n);
  if (bytes === undefined) return 0;
  let first = 0;
  while (first < bytes.length && bytes[first] === 0) first += 1;
  if (first === bytes.length) return 0;
  const top = bytes[first] as number;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(top));
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Decodes unpadded base64url with `atob`, which every runtime with `fetch` has; `undefined` when malformed. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const padded = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  const binary = atob(padded);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
