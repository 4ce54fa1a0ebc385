import type { ClientSecret, CredentialStatus, Jwk } from "../api/types.js";
import { rsaModulusBits } from "../keys/rsa-modulus-bits.js";

/** One key or secret as an audit reports it: never the secret's value. */
export interface AuditedCredential {
  readonly kind: "secret" | "key";
  /** Okta's id (`ocs…` or `pks…`). */
  readonly id: string;
  readonly status: CredentialStatus;
  readonly created: string;
  readonly lastUpdated: string;
  /** Whole days since `created`. */
  readonly ageDays: number;
  /** Keys: `sig` or `enc`. */
  readonly use?: "sig" | "enc";
  /** Keys: the algorithm, such as RS256. */
  readonly alg?: string;
  /** RSA keys: the modulus length in bits. */
  readonly bits?: number;
  /** EC keys: the curve, such as P-256. */
  readonly curve?: string;
  /** Keys: the JWK `kid`, `null` when it has none. */
  readonly kid?: string | null;
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Milliseconds from Okta's timestamp `at` to `now`; 0 (nothing is due) when the age cannot be told: a timestamp
 * that cannot be read, or a `now` that is not a finite number.
 */
export function ageMs(at: string, now: number): number {
  const age = now - Date.parse(at);
  return Number.isFinite(age) ? Math.max(0, age) : 0;
}

/** A secret as an audit reports it, without its value or hash. */
export function auditedSecret(secret: ClientSecret, now: number): AuditedCredential {
  const { id, status, created, lastUpdated } = secret;
  return {
    kind: "secret",
    id,
    status,
    created,
    lastUpdated,
    ageDays: Math.floor(ageMs(created, now) / DAY_MS),
  };
}

/** A key as an audit reports it: its algorithm, size or curve and `kid`. */
export function auditedKey(key: Jwk, now: number): AuditedCredential {
  const { id, status, created, lastUpdated, use, alg, kid } = key;
  const shape =
    key.kty === "RSA"
      ? { bits: typeof key.n === "string" ? rsaModulusBits(key.n) : 0 }
      : { curve: String(key.crv) };
  return {
    kind: "key",
    id,
    status,
    created,
    lastUpdated,
    ageDays: Math.floor(ageMs(created, now) / DAY_MS),
    use,
    ...(typeof alg === "string" ? { alg } : {}),
    ...shape,
    kid: kid ?? null,
  };
}
