import type { FetchLike } from "../../transport/fetch-like.js";
import { type CheckedPrivateKeyOptions, checkPrivateKeyOptions } from "../check-private-key-options.js";
import type { PrivateKeyAuthContext } from "../private-key-auth.js";
import { checkPrivateKeyContext } from "./check-private-key-context.js";
import { type SigningKey, toSigningKey } from "./signing-key.js";

/** The private-key options after validation, the key in depth included, with every default filled in. */
export interface ResolvedPrivateKeyAuth
  extends Omit<CheckedPrivateKeyOptions, "privateKey" | "algorithm" | "tokenUrl"> {
  readonly tokenUrl: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly signingKey: SigningKey;
}

/**
 * Checks every option and the context before any request, the key in depth included (PEM and DER decoding, key
 * type, curve and algorithm), throwing a TypeError that names the option (`auth.clientId`, `auth.privateKey`, …).
 * Messages never contain key material.
 */
export function validatePrivateKeyAuth(
  options: unknown,
  context: PrivateKeyAuthContext,
): ResolvedPrivateKeyAuth {
  const { privateKey, algorithm, tokenUrl, ...checked } = checkPrivateKeyOptions(options);
  const { orgOrigin, fetch, now } = checkPrivateKeyContext(context);
  const signingKey = toSigningKey(privateKey, algorithm);
  return {
    ...checked,
    tokenUrl: tokenUrl ?? `${orgOrigin}/oauth2/v1/token`,
    fetch,
    now,
    signingKey,
    keyId: checked.keyId ?? signingKey.kid,
  };
}
