export { PRIVATE_JWK_MEMBERS } from "./api/check-new-jwk.js";
export { collect } from "./api/collect.js";
export type { JwksApi } from "./api/jwks.js";
export { findLink, type Link, parseLinkHeader } from "./api/link-header.js";
export {
  type GetPath,
  type InitArgs,
  type ListInit,
  type ListItem,
  type ListPath,
  paginate,
} from "./api/paginate.js";
export type { OktaPaths, OktaRawClient } from "./api/raw-client.js";
export type { SecretsApi } from "./api/secrets.js";
export type {
  ClientSecret,
  CredentialStatus,
  EcSigningJwk,
  EncryptionJwk,
  Jwk,
  NewClientSecret,
  NewJwk,
  OktaErrorResponse,
  RsaSigningJwk,
  SigningJwk,
} from "./api/types.js";
export type { CallOptions } from "./api/unwrap.js";
export type { AccessTokenAuth, ApiTokenAuth, AuthOption } from "./auth/auth-option.js";
export type { Authenticator } from "./auth/authenticator.js";
export { DEFAULT_SCOPES, type PrivateKeyAuth, type PrivateKeyAuthContext } from "./auth/private-key-auth.js";
export type { TokenSource } from "./auth/static-token.js";
export { createOktaClient, type OktaClient } from "./client.js";
export {
  isOktaApiError,
  isOktaConnectionError,
  isOktaError,
  isOktaOAuthError,
  isOktaTimeoutError,
  OktaApiError,
  type OktaApiErrorInit,
  OktaConnectionError,
  OktaError,
  type OktaErrorBody,
  OktaOAuthError,
  type OktaOAuthErrorInit,
  OktaTimeoutError,
  type RequestTarget,
} from "./errors.js";
export {
  type GeneratedSigningKey,
  generateSigningKey,
  SIGNING_ALGS,
  type SigningAlg,
} from "./keys/generate-signing-key.js";
export { type KeyInput, type ToOktaJwkOptions, toOktaJwk } from "./keys/to-okta-jwk.js";
export type { OktaClientOptions } from "./options.js";
export {
  isRotationError,
  type JwkRotationOptions,
  type JwkRotationPlanOptions,
  maskSecret,
  planJwkRotation,
  planSecretRotation,
  type RotationAction,
  RotationError,
  type RotationOptions,
  RotationReport,
  type RotationStep,
  type RotationStepStatus,
  rotateClientSecret,
  rotateJwk,
  type SecretRotationOptions,
  type SecretRotationPlanOptions,
} from "./rotation/index.js";
export type { Sleep } from "./transport/abortable-sleep.js";
export type { FetchInit, FetchLayer, FetchLike } from "./transport/fetch-like.js";
export { type RateLimit, readRateLimit, retryAfterDate } from "./transport/rate-limit.js";
export { type RuntimeGlobals, userAgent } from "./transport/user-agent.js";
export { withAuth } from "./transport/with-auth.js";
export { withNoRedirects } from "./transport/with-no-redirects.js";
export {
  type RetryDeps,
  type RetryInfo,
  type RetryOptions,
  type RetryReason,
  withRetry,
} from "./transport/with-retry.js";
export { type ThrottleOptions, withThrottle } from "./transport/with-throttle.js";
export { withTimeout } from "./transport/with-timeout.js";
export { VERSION } from "./version.js";
