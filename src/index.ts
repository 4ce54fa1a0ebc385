export { collect } from "./api/collect.js";
export type { JwksApi } from "./api/jwks.js";
export {
  type ListInit,
  type ListItem,
  type ListPath,
  type PaginateOptions,
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
export type { PrivateKeyAuth } from "./auth/private-key-auth.js";
export type { TokenSource } from "./auth/static-token.js";
export { createOktaClient, type OktaClient } from "./client.js";
export {
  isOktaApiError,
  isOktaConnectionError,
  isOktaError,
  isOktaOAuthError,
  isOktaTimeoutError,
} from "./errors/error-guards.js";
export {
  OktaApiError,
  type OktaApiErrorInit,
  OktaConnectionError,
  OktaError,
  type OktaErrorBody,
  OktaOAuthError,
  type OktaOAuthErrorInit,
  OktaTimeoutError,
  type RequestTarget,
} from "./errors/okta-errors.js";
export { type AppAudit, auditCredentials } from "./fleet/audit-credentials.js";
export type { Finding, FindingCode } from "./fleet/audit-findings.js";
export type { AuditPolicy } from "./fleet/audit-policy.js";
export type { AuditedCredential } from "./fleet/audited-credential.js";
export type { Duration } from "./fleet/duration.js";
export type { AppRotation } from "./fleet/fleet-app.js";
export type { FleetJournal, FleetOutcome, JournalEntry } from "./fleet/fleet-journal.js";
export type { FleetRotationOptions } from "./fleet/fleet-rotation-options.js";
export { type KeyFleetRotationOptions, rotateKeys, rotateSecrets } from "./fleet/rotate-fleet.js";
export type { FleetOptions, FleetProgress } from "./fleet/run-fleet.js";
export type { CryptoKeyLike } from "./keys/crypto-key-like.js";
export {
  type GeneratedSigningKey,
  generateSigningKey,
  SIGNING_ALGS,
  type SigningAlg,
} from "./keys/generate-signing-key.js";
export { type KeyInput, type ToOktaJwkOptions, toOktaJwk } from "./keys/to-okta-jwk.js";
export type { OktaClientOptions } from "./options.js";
export {
  planSecretRotation,
  rotateClientSecret,
  type SecretRotationOptions,
  type SecretRotationPlanOptions,
} from "./rotation/rotate-client-secret.js";
export {
  type JwkRotationOptions,
  type JwkRotationPlanOptions,
  planJwkRotation,
  rotateJwk,
} from "./rotation/rotate-jwk.js";
export { isRotationError, RotationError } from "./rotation/rotation-error.js";
export {
  maskSecret,
  type RotationAction,
  RotationReport,
  type RotationStep,
  type RotationStepStatus,
} from "./rotation/rotation-report.js";
export type { RotationOptions } from "./rotation/run-rotation.js";
export type { FetchInit, FetchLike } from "./transport/fetch-like.js";
export type { RetryInfo, RetryOptions } from "./transport/retry-options.js";
export type { ThrottleOptions } from "./transport/throttle-options.js";
export { VERSION } from "./version.js";
