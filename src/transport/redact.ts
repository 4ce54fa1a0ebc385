/** What stands in for a credential in any text the client shows. */
export const REDACTED = "[redacted]";

/** Anything shaped like a JWT (header.payload.signature, base64url): assertions, DPoP proofs, most access tokens. */
const JWT_SHAPE = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

// Control characters (line breaks, escapes) would let a server's text forge lines in a log that shows it.
const CONTROL = /\p{Cc}/gu;

/** `text` with every occurrence of each of `secrets` replaced by `[redacted]`. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets)
    if (secret !== "" && clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}

/**
 * A server's `text` as an error may show it: each of `secrets` and anything shaped like a JWT replaced by
 * `[redacted]`, control characters by spaces.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  return withoutSecrets(text, secrets).replace(JWT_SHAPE, REDACTED).replace(CONTROL, " ");
}

/**
 * The credentials `request` carries, which an answer to it could repeat: the `Authorization` value without its
 * scheme, and the DPoP proof.
 */
export function credentialsOf(request: Request): string[] {
  const authorization = request.headers.get("Authorization") ?? "";
  const credential = authorization.slice(authorization.indexOf(" ") + 1);
  return [credential, request.headers.get("DPoP") ?? ""].filter((value) => value !== "");
}
