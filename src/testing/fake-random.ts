import { encode as toBase64Url } from "jose/base64url";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `length` random base62 characters from WebCrypto, without modulo bias. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      // 248 = 4 * 62: bytes above it would favour the first characters.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Id prefixes Okta uses for each kind of object, followed by 17 base62 characters. */
export const ID_PREFIX = { app: "0oa", key: "pks", secret: "ocs" } as const;

/** An Okta-like object id such as `pks8kg4mZ1rTq2Vw0x5d`. */
export function newId(kind: keyof typeof ID_PREFIX): string {
  return `${ID_PREFIX[kind]}${randomBase62(17)}`;
}

/** An Okta-like `errorId` (25 characters starting with `oae`). */
export function newErrorId(): string {
  return `oae${randomBase62(22)}`;
}

/** An `X-Okta-Request-Id` value: 32 lowercase hex characters, as a live org sends. */
export function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

/** A generated client secret: 64 base64url characters (48 random bytes), as long as a live org's. */
export function newClientSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(48)));
}

/** The secret's `secret_hash`: base64url of the first 16 bytes of its SHA-256 (22 characters). */
export async function secretHash(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return toBase64Url(new Uint8Array(digest).subarray(0, 16));
}
