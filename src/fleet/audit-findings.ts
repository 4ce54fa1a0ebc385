import type { ResolvedAuditPolicy } from "./audit-policy.js";
import type { AuditedCredential } from "./audited-credential.js";
import { ageMs, DAY_MS } from "./audited-credential.js";

/** What a finding is about; `unreadable` means the app's credentials could not be listed at all. */
export type FindingCode =
  | "secret-too-old"
  | "key-too-old"
  | "inactive-lingering"
  | "two-active-secrets"
  | "no-active-signing-key"
  | "rsa-too-small"
  | "key-without-kid"
  | "unreadable";

/** One thing an audit found wrong with an app's credentials. */
export interface Finding {
  readonly code: FindingCode;
  /** The credential it is about, when it is about one. */
  readonly credentialId?: string;
  /** One sentence for people. */
  readonly message: string;
}

type CredentialRule = (
  credential: AuditedCredential,
  policy: ResolvedAuditPolicy,
  now: number,
) => string | false;

const days = (ms: number) => `${Math.floor(ms / DAY_MS)} days`;
const active = (each: AuditedCredential) => each.status === "ACTIVE";

/** The checks made on each credential, by the code of the finding each one gives. */
const CREDENTIAL_RULES: Readonly<Partial<Record<FindingCode, CredentialRule>>> = {
  "secret-too-old": (c, p, now) =>
    c.kind === "secret" &&
    active(c) &&
    ageMs(c.created, now) > p.maxSecretAgeMs &&
    `active secret is ${c.ageDays} days old (policy: ${days(p.maxSecretAgeMs)})`,
  "key-too-old": (c, p, now) =>
    c.kind === "key" &&
    active(c) &&
    ageMs(c.created, now) > p.maxKeyAgeMs &&
    `active key is ${c.ageDays} days old (policy: ${days(p.maxKeyAgeMs)})`,
  "inactive-lingering": (c, p, now) =>
    !active(c) &&
    ageMs(c.lastUpdated, now) > p.maxInactiveAgeMs &&
    `inactive ${c.kind} unchanged for ${days(ageMs(c.lastUpdated, now))}; delete it (policy: ${days(p.maxInactiveAgeMs)})`,
  "rsa-too-small": (c, p) =>
    c.bits !== undefined &&
    c.bits < p.minRsaBits &&
    `RSA key of ${c.bits} bits (policy: at least ${p.minRsaBits})`,
  "key-without-kid": (c) =>
    c.kind === "key" && !c.kid && "key has no kid: Okta adds no other key until it has one",
};

/**
 * The findings for one app's credentials under `policy`: each credential checked against every rule, then the
 * app as a whole (two active secrets, no active signing key where the app evidently signs with one).
 */
export function findingsFor(
  credentials: readonly AuditedCredential[],
  policy: ResolvedAuditPolicy,
  now: number,
): Finding[] {
  const findings: Finding[] = [];
  for (const credential of credentials) {
    for (const [code, rule] of Object.entries(CREDENTIAL_RULES)) {
      const message = rule(credential, policy, now);
      if (message) findings.push({ code: code as FindingCode, credentialId: credential.id, message });
    }
  }
  const secrets = credentials.filter((each) => each.kind === "secret");
  const signing = credentials.filter((each) => each.kind === "key" && each.use === "sig");
  if (secrets.filter(active).length >= 2) {
    findings.push({
      code: "two-active-secrets",
      message: "two active secrets: a rotation was left half-done (or is in its grace period)",
    });
  }
  // The API does not say how an app authenticates; signing keys and no active secret mean private_key_jwt.
  if (signing.length > 0 && !signing.some(active) && !secrets.some(active)) {
    findings.push({
      code: "no-active-signing-key",
      message: "signing keys but none active, and no active secret: the app cannot authenticate",
    });
  }
  return findings;
}
