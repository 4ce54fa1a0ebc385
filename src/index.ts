export type { Sleep } from "./abortable-sleep.js";
export type { AccessTokenAuth, ApiTokenAuth, AuthOption } from "./auth/auth-option.js";
export type { Authenticator } from "./auth/authenticator.js";
export { DEFAULT_SCOPES, type PrivateKeyAuth, type PrivateKeyAuthContext } from "./auth/private-key-auth.js";
export type { TokenSource } from "./auth/static-token.js";
export { withAuth } from "./auth/with-auth.js";
export type { CallOptions } from "./call.js";
export { PRIVATE_JWK_MEMBERS } from "./check-new-jwk.js";
export { createOktaClient, type OktaClient } from "./client.js";
export { collect } from "./collect.js";
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
export type { FetchInit, FetchLayer, FetchLike } from "./fetch-like.js";
export {
  type GeneratedSigningKey,
  generateSigningKey,
  SIGNING_ALGS,
  type SigningAlg,
} from "./generate-signing-key.js";
export type { JwksApi } from "./jwks.js";
export { type KeyInput, type ToOktaJwkOptions, toOktaJwk } from "./keys.js";
export { findLink, type Link, parseLinkHeader } from "./link-header.js";
export { withNoRedirects } from "./no-redirect.js";
export type { OktaClientOptions } from "./options.js";
export {
  type GetPath,
  type InitArgs,
  type ListInit,
  type ListItem,
  type ListPath,
  paginate,
} from "./paginate.js";
export { type RateLimit, readRateLimit, retryAfterDate } from "./rate-limit.js";
export type { OktaPaths, OktaRawClient } from "./raw-client.js";
export { type RetryDeps, type RetryInfo, type RetryOptions, type RetryReason, withRetry } from "./retry.js";
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
} from "./rotation.js";
export type { SecretsApi } from "./secrets.js";
export { type ThrottleOptions, withThrottle } from "./throttle.js";
export { withTimeout } from "./timeout.js";
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
} from "./types.js";
export { type RuntimeGlobals, userAgent } from "./user-agent.js";
export { VERSION } from "./version.js";
