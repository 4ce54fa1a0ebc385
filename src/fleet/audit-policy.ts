import { type Duration, parseDuration } from "./duration.js";

/** What {@link auditCredentials} reports as a finding; every field has a default. */
export interface AuditPolicy {
  /** An ACTIVE client secret older than this is due for rotation. @default "90d" */
  readonly maxSecretAge?: Duration | undefined;
  /** An ACTIVE key older than this is due for rotation. @default "365d" */
  readonly maxKeyAge?: Duration | undefined;
  /** An INACTIVE credential unchanged for longer than this is lingering and should be deleted. @default "30d" */
  readonly maxInactiveAge?: Duration | undefined;
  /** RSA keys with a shorter modulus are weak (Okta refuses new ones under 2048 bits). @default 2048 */
  readonly minRsaBits?: number | undefined;
}

/** {@link AuditPolicy} checked, durations in milliseconds. */
export interface ResolvedAuditPolicy {
  readonly maxSecretAgeMs: number;
  readonly maxKeyAgeMs: number;
  readonly maxInactiveAgeMs: number;
  readonly minRsaBits: number;
}

/**
 * Checks a policy and fills in the defaults, before any request.
 * @throws {TypeError} naming the field that is wrong.
 */
export function resolveAuditPolicy(policy: AuditPolicy = {}): ResolvedAuditPolicy {
  if (typeof policy !== "object" || policy === null) throw new TypeError("policy must be an object");
  const { maxSecretAge = "90d", maxKeyAge = "365d", maxInactiveAge = "30d", minRsaBits = 2048 } = policy;
  if (!Number.isInteger(minRsaBits) || minRsaBits < 512 || minRsaBits > 16384) {
    throw new TypeError("policy.minRsaBits must be a whole number of bits from 512 to 16384");
  }
  return {
    maxSecretAgeMs: parseDuration(maxSecretAge, "policy.maxSecretAge"),
    maxKeyAgeMs: parseDuration(maxKeyAge, "policy.maxKeyAge"),
    maxInactiveAgeMs: parseDuration(maxInactiveAge, "policy.maxInactiveAge"),
    minRsaBits,
  };
}
