import { checkNewJwk } from "../api/check-new-jwk.js";
import { checkId } from "../api/ids.js";
import type { Jwk, NewJwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { checkRotationOptions } from "./check-rotation-options.js";
import type { ListedRotation } from "./credential-steps.js";
import { RotationError } from "./rotation-error.js";
import { alone } from "./rotation-lock.js";
import { NEW_CREDENTIAL, RotationReport, type RotationStep } from "./rotation-report.js";
import { type RotationOptions, runRotation } from "./run-rotation.js";
import { createStepRunner } from "./step-runner.js";

/** Options of {@link rotateJwk}; `deploy` receives the key as Okta stored it. */
export type JwkRotationOptions = RotationOptions<Jwk>;

/** Options of {@link planJwkRotation}. */
export type JwkRotationPlanOptions = Omit<JwkRotationOptions, "deploy" | "dryRun" | "onStep" | "confirm">;

// Okta's limit on an app's keys.
const MAX_KEYS = 50;

/**
 * Rotates an app's signing key without an outage: adds `newKey` (active), awaits `deploy` (switch your signer to
 * the new key's `kid`), then deactivates (and by default deletes) every other active signing key. If `deploy`
 * throws, the new key is deactivated and deleted again.
 *
 * The old keys are only retired for a new key Okta holds ACTIVE. A new key stored otherwise is deleted again
 * before `deploy`. Before each deactivation or deletion the run lists the app's keys again and stops, with nothing
 * more retired, when its new key is no longer ACTIVE or a signing key appeared that it neither planned nor added.
 * After a step fails, the run lists what Okta holds: a step that took effect all the same (a deletion whose answer
 * was lost, a key added before a 5xx, which is adopted) counts as done and the rotation goes on.
 *
 * Overlapping runs are detected and refused, not interleaved: a second rotation of the same app's key in this
 * process fails at once; a run in another process that adds its key while this one runs stops this one before it
 * retires anything. A run elsewhere that had added its key before this one listed the keys cannot be told from an
 * old key, so rotations of one app in several processes need a lock of their own.
 * @throws {TypeError} for invalid arguments (an encryption key, private members, no `kid`), before any request.
 * @throws {RotationError} when a precondition fails or a step fails.
 * @see addJwk, deactivateOAuth2ClientJsonWebKey, deletejwk
 */
export async function rotateJwk(
  okta: OktaClient,
  appId: string,
  newKey: NewJwk,
  options: JwkRotationOptions,
): Promise<RotationReport> {
  return rotateListedKeys(okta, appId, newKey, options, undefined);
}

/** {@link rotateJwk} for a fleet rotation, which has just listed the app's keys to tell whether it is due. */
export async function rotateListedKeys(
  okta: OktaClient,
  appId: string,
  newKey: NewJwk,
  options: JwkRotationOptions,
  fleet: ListedRotation<Jwk> | undefined,
): Promise<RotationReport> {
  checkRotationOptions(options);
  checkId("appId", appId);
  const key = checkRotationKey(newKey);
  const report = new RotationReport(appId, "jwk", options.dryRun === true, []);
  const listed = fleet?.listed;
  if (report.dryRun) return plan(okta, report, key, options, listed).then(() => report);
  return alone(report, async () => {
    const keys = await plan(okta, report, key, options, listed);
    const runner = createStepRunner<Jwk>(report, keys, {
      create: () => okta.jwks.add(appId, { ...key, status: "ACTIVE" }),
      beforeCreate: () => fleet?.beforeCreate?.({ kid: key.kid }),
      keep: (added) => {
        report.key = added;
      },
      deploy: options.deploy,
      deactivate: (id) => okta.jwks.deactivate(appId, id),
      remove: (id) => okta.jwks.delete(appId, id),
      list: () => okta.jwks.list(appId),
      counts: (each) => each.use === "sig",
      isNew: (each) => each.kid === key.kid,
    });
    return runRotation(report, runner, options);
  });
}

/** Lists the app's keys and puts the steps of the rotation on `report`; returns the keys it found. */
async function plan(
  okta: OktaClient,
  report: RotationReport,
  key: NewJwk,
  options: JwkRotationOptions,
  listed?: readonly Jwk[],
) {
  const keys = listed ? [...listed] : await okta.jwks.list(report.appId);
  report.steps.push(...planSteps(report, keys, key, options));
  return keys;
}

/**
 * The steps {@link rotateJwk} would take, after checking its preconditions; changes nothing.
 * @throws {RotationError} when a precondition fails.
 */
export async function planJwkRotation(
  okta: OktaClient,
  appId: string,
  newKey: NewJwk,
  options: JwkRotationPlanOptions = {},
): Promise<RotationReport> {
  return rotateJwk(okta, appId, newKey, { ...options, dryRun: true, deploy: async () => {} });
}

function checkRotationKey(newKey: NewJwk): NewJwk & { readonly kid: string } {
  const key = checkNewJwk(newKey);
  if (key.use !== "sig") throw new TypeError('newKey.use must be "sig": rotateJwk rotates signing keys');
  if (typeof key.kid !== "string" || key.kid === "") {
    throw new TypeError("newKey.kid is required: clients name the key they sign with (toOktaJwk sets it)");
  }
  if (key.status === "INACTIVE") throw new TypeError('newKey.status must be "ACTIVE" or left out');
  return { ...key, kid: key.kid };
}

function planSteps(
  report: RotationReport,
  keys: Jwk[],
  key: NewJwk,
  options: JwkRotationOptions,
): RotationStep[] {
  const refuse = (reason: string) =>
    new RotationError(`Cannot rotate the key of app ${report.appId}: ${reason}`, report);
  const withoutKid = keys.find((existing) => existing.kid === null);
  if (withoutKid) throw refuse(`key ${withoutKid.id} has no kid, and Okta adds no key until it has one`);
  const sameKid = keys.find((existing) => existing.kid === key.kid);
  if (sameKid) throw refuse(`kid ${key.kid} is already used by key ${sameKid.id} (${sameKid.status})`);
  if (keys.length >= MAX_KEYS)
    throw refuse(`it has ${keys.length} keys, Okta's maximum; delete an inactive one`);
  const old = keys
    .filter((existing) => existing.use === "sig" && existing.status === "ACTIVE")
    .map((k) => k.id);
  const steps = [planned("add-key", NEW_CREDENTIAL), planned("deploy", NEW_CREDENTIAL)];
  steps.push(...old.map((id) => planned("deactivate-key", id)));
  if (options.deleteOld !== false) steps.push(...old.map((id) => planned("delete-key", id)));
  return steps;
}

function planned(action: RotationStep["action"], target: string): RotationStep {
  return { action, target, status: "planned" };
}
