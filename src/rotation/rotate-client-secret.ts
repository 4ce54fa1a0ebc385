import { checkId } from "../api/ids.js";
import type { ClientSecret } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { checkRotationOptions } from "./check-rotation-options.js";
import type { ListedRotation } from "./credential-steps.js";
import { RotationError } from "./rotation-error.js";
import { alone } from "./rotation-lock.js";
import { NEW_CREDENTIAL, RotationReport, type RotationStep } from "./rotation-report.js";
import { type RotationOptions, runRotation } from "./run-rotation.js";
import { createStepRunner } from "./step-runner.js";

/** Options of {@link rotateClientSecret}. */
export interface SecretRotationOptions extends RotationOptions<ClientSecret> {
  /** When the app already has two secrets: the id of its inactive one, deleted first to make room. */
  readonly deleteInactive?: string;
}

/** Options of {@link planSecretRotation}. */
export type SecretRotationPlanOptions = Omit<
  SecretRotationOptions,
  "deploy" | "dryRun" | "onStep" | "confirm"
>;

/**
 * Rotates an app's client secret without an outage: creates a second secret, awaits `deploy`, then deactivates
 * (and by default deletes) the old one. If `deploy` throws, the new secret is deactivated and deleted again.
 *
 * The old secret is only retired for a new one Okta holds ACTIVE, listed again before each of those steps; a new
 * secret stored otherwise is deleted again before `deploy`. After a step fails, the run lists what Okta holds: a
 * step that took effect all the same (a deletion whose answer was lost, a secret created before a 5xx, which is
 * adopted with its value) counts as done. A second rotation of the same app's secret in this process is refused;
 * Okta's limit of two secrets refuses one elsewhere.
 * @throws {TypeError} for invalid arguments, before any request.
 * @throws {RotationError} when a precondition fails (two secrets and no `deleteInactive`) or a step fails.
 * @see createOAuth2ClientSecret, deactivateOAuth2ClientSecret, deleteOAuth2ClientSecret
 */
export async function rotateClientSecret(
  okta: OktaClient,
  appId: string,
  options: SecretRotationOptions,
): Promise<RotationReport> {
  return rotateListedSecrets(okta, appId, options, undefined);
}

/** {@link rotateClientSecret} for a fleet rotation, which has just listed the app's secrets to tell whether it is due. */
export async function rotateListedSecrets(
  okta: OktaClient,
  appId: string,
  options: SecretRotationOptions,
  fleet: ListedRotation<ClientSecret> | undefined,
): Promise<RotationReport> {
  checkRotationOptions(options);
  if (options.deleteInactive !== undefined) checkId("secretId", options.deleteInactive);
  checkId("appId", appId);
  const report = new RotationReport(appId, "client-secret", options.dryRun === true, []);
  const listed = fleet?.listed;
  if (report.dryRun) return plan(okta, report, options, listed).then(() => report);
  return alone(report, async () => {
    const secrets = await plan(okta, report, options, listed);
    const runner = createStepRunner<ClientSecret>(report, secrets, {
      create: () => okta.secrets.create(appId),
      beforeCreate: () => fleet?.beforeCreate?.({}),
      keep: (secret) => {
        report.secret = secret;
      },
      deploy: options.deploy,
      deactivate: (id) => okta.secrets.deactivate(appId, id),
      remove: (id) => okta.secrets.delete(appId, id),
      list: () => okta.secrets.list(appId),
      counts: () => true,
      // Okta generates the value, so nothing tells a new secret apart but its being new.
      isNew: () => true,
    });
    return runRotation(report, runner, options);
  });
}

/** Lists the app's secrets and puts the steps of the rotation on `report`; returns the secrets it found. */
async function plan(
  okta: OktaClient,
  report: RotationReport,
  options: SecretRotationOptions,
  listed?: readonly ClientSecret[],
) {
  const secrets = listed ? [...listed] : await okta.secrets.list(report.appId);
  report.steps.push(...planSteps(report, secrets, options));
  return secrets;
}

/**
 * The steps {@link rotateClientSecret} would take, after checking its preconditions; changes nothing.
 * @throws {RotationError} when a precondition fails.
 */
export async function planSecretRotation(
  okta: OktaClient,
  appId: string,
  options: SecretRotationPlanOptions = {},
): Promise<RotationReport> {
  return rotateClientSecret(okta, appId, { ...options, dryRun: true, deploy: async () => {} });
}

function planSteps(
  report: RotationReport,
  secrets: ClientSecret[],
  options: SecretRotationOptions,
): RotationStep[] {
  const steps: RotationStep[] = [];
  const { deleteInactive } = options;
  if (deleteInactive !== undefined) {
    const doomed = secrets.find((secret) => secret.id === deleteInactive);
    if (doomed?.status !== "INACTIVE") {
      throw new RotationError(
        `deleteInactive ${deleteInactive} is not an inactive secret of app ${report.appId}`,
        report,
      );
    }
    steps.push(planned("delete-secret", deleteInactive));
  } else if (secrets.length >= 2) {
    throw new RotationError(twoSecretsMessage(report.appId, secrets), report);
  }
  steps.push(planned("create-secret", NEW_CREDENTIAL), planned("deploy", NEW_CREDENTIAL));
  const old = secrets.filter((secret) => secret.status === "ACTIVE").map((secret) => secret.id);
  steps.push(...old.map((id) => planned("deactivate-secret", id)));
  if (options.deleteOld !== false) steps.push(...old.map((id) => planned("delete-secret", id)));
  return steps;
}

function twoSecretsMessage(appId: string, secrets: ClientSecret[]): string {
  const listed = secrets.map((secret) => `${secret.id} ${secret.status}`).join(", ");
  const inactive = secrets.find((secret) => secret.status === "INACTIVE");
  const advice = inactive
    ? `pass deleteInactive: "${inactive.id}" to delete the inactive one first`
    : "both are active: move your clients to one of them, deactivate the other, then rotate";
  return `App ${appId} already has two client secrets (${listed}), Okta's maximum; ${advice}`;
}

function planned(action: RotationStep["action"], target: string): RotationStep {
  return { action, target, status: "planned" };
}
