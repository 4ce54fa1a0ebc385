export {
  planSecretRotation,
  rotateClientSecret,
  type SecretRotationOptions,
  type SecretRotationPlanOptions,
} from "./rotate-client-secret.js";
export {
  type JwkRotationOptions,
  type JwkRotationPlanOptions,
  planJwkRotation,
  rotateJwk,
} from "./rotate-jwk.js";
export { isRotationError, RotationError } from "./rotation-error.js";
export {
  maskSecret,
  type RotationAction,
  RotationReport,
  type RotationStep,
  type RotationStepStatus,
} from "./rotation-report.js";
export type { RotationOptions } from "./run-rotation.js";
