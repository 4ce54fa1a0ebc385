export type { Authenticator } from "./auth/authenticator.js";
export { createPrivateKeyAuthenticator } from "./auth/private-key/private-key-authenticator.js";
export { DEFAULT_SCOPES, type PrivateKeyAuth, type PrivateKeyAuthContext } from "./auth/private-key-auth.js";
export type { CryptoKeyLike } from "./keys/crypto-key-like.js";
export type { FetchInit, FetchLike } from "./transport/fetch-like.js";
