import type { OktaClient } from "../client.js";
import { isOktaApiError } from "../errors/error-guards.js";
import { type Finding, findingsFor } from "./audit-findings.js";
import { type AuditPolicy, resolveAuditPolicy } from "./audit-policy.js";
import { type AuditedCredential, auditedKey, auditedSecret } from "./audited-credential.js";
import { type FleetOptions, forEachApp, resolveFleetOptions } from "./run-fleet.js";

// Statuses that concern one app; a 401 (bad credentials) or a 429 concerns every app and ends the audit.
const UNREADABLE = new Set([403, 404]);

/** One app's credentials and what is wrong with them. */
export interface AppAudit {
  readonly appId: string;
  /** Its keys, then its secrets (values never included); empty when the app could not be read. */
  readonly credentials: readonly AuditedCredential[];
  readonly findings: readonly Finding[];
}

/**
 * Reads every app's keys and secrets and reports each credential (status, age, algorithm, size or curve, `kid`)
 * with the findings `policy` gives. An app Okta refuses to show (404, 403) becomes an `unreadable` finding and
 * the audit goes on; other failures (network, abort) reject. Apps share the client's throttle: requests go as
 * fast as Okta's rate limit allows and wait for the window's reset instead of earning 429s.
 * @throws {TypeError} for invalid app ids, policy or options, before any request.
 * @see listJwk, listOAuth2ClientSecrets
 */
export async function auditCredentials(
  okta: OktaClient,
  appIds: readonly string[],
  policy?: AuditPolicy,
  options?: FleetOptions,
): Promise<AppAudit[]> {
  const resolved = resolveAuditPolicy(policy);
  const settings = resolveFleetOptions(appIds, options);
  const { signal, now } = settings;
  return forEachApp(settings, async (appId) => {
    try {
      const [keys, secrets] = await Promise.all([
        okta.jwks.list(appId, { signal }),
        okta.secrets.list(appId, { signal }),
      ]);
      const at = now();
      const credentials = [
        ...keys.map((key) => auditedKey(key, at)),
        ...secrets.map((secret) => auditedSecret(secret, at)),
      ];
      return { appId, credentials, findings: findingsFor(credentials, resolved, at) };
    } catch (error) {
      if (!isOktaApiError(error) || !UNREADABLE.has(error.status)) throw error;
      return { appId, credentials: [], findings: [{ code: "unreadable", message: error.message }] };
    }
  });
}
