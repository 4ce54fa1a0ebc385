import { RotationError } from "./rotation-error.js";
import { NEW_CREDENTIAL, type RotationReport, type RotationStep } from "./rotation-report.js";

// How messages name what a rotation replaces.
const NOUN = { "client-secret": "client secret", jwk: "signing key" } as const;

/** Options every rotation workflow shares. */
export interface RotationOptions<Credential> {
  /**
   * Puts the new credential where your clients read it (a secret store, a config map) and returns once they use
   * it. If it throws, the rotation removes the new credential again and rethrows in a `RotationError`.
   */
  readonly deploy: (credential: Credential) => Promise<void>;
  /** Delete the old credentials after deactivating them. @default true */
  readonly deleteOld?: boolean;
  /** Only plan: list the credentials and return the steps without changing anything. @default false */
  readonly dryRun?: boolean;
  /** Called with a copy of each step whenever its status changes. */
  readonly onStep?: (step: Readonly<RotationStep>) => void;
  /**
   * Asked before each destructive step (deactivating or deleting a credential). Answering `false` stops the
   * rotation there: the app keeps working with both credentials, and the remaining steps stay `planned`.
   * @default every step goes ahead
   */
  readonly confirm?: (step: Readonly<RotationStep>) => boolean | Promise<boolean>;
}

/** Steps that take a credential away; `confirm` is asked before each. */
const DESTRUCTIVE = new Set(["deactivate-secret", "delete-secret", "deactivate-key", "delete-key"]);

/** How a workflow runs its steps and undoes the new credential. */
export interface StepRunner {
  /** Runs one step against Okta (or `deploy`). */
  perform(step: RotationStep): Promise<void>;
  /** Deactivates and deletes the new credential after `deploy` failed. */
  undo(): Promise<void>;
}

/** What a workflow does to one kind of credential, for {@link createStepRunner}. */
export interface CredentialSteps<Credential extends { readonly id: string }> {
  /** Creates the new credential (active). */
  create(): Promise<Credential>;
  /** Records the new credential on the report. */
  keep(credential: Credential): void;
  deploy(credential: Credential): Promise<void>;
  deactivate(id: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
}

const CREATES = new Set(["create-secret", "add-key"]);
const DEACTIVATES = new Set(["deactivate-secret", "deactivate-key"]);

/**
 * The step runner of a rotation: creates the new credential and points the steps that wait for it at its id,
 * deploys it, deactivates and deletes old ones; `undo` deactivates and deletes the new one.
 */
export function createStepRunner<Credential extends { readonly id: string }>(
  report: RotationReport,
  steps: CredentialSteps<Credential>,
): StepRunner {
  let created: Credential | undefined;
  return {
    async perform(step) {
      if (CREATES.has(step.action)) {
        created = await steps.create();
        steps.keep(created);
        for (const other of report.steps) if (other.target === NEW_CREDENTIAL) other.target = created.id;
      } else if (step.action === "deploy") {
        await steps.deploy(created as Credential);
      } else if (DEACTIVATES.has(step.action)) {
        await steps.deactivate(step.target);
      } else {
        await steps.remove(step.target);
      }
    },
    async undo() {
      const id = (created as Credential).id;
      await steps.deactivate(id);
      await steps.remove(id);
    },
  };
}

/**
 * Runs `report.steps` in order. When `deploy` fails, the new credential is undone and its step marked
 * `rolled-back`; any failure ends in a `RotationError` whose message names the step, never a secret.
 */
export async function runRotation(
  report: RotationReport,
  runner: StepRunner,
  { onStep, confirm }: Pick<RotationOptions<unknown>, "onStep" | "confirm">,
): Promise<RotationReport> {
  const notify = (step: RotationStep) => onStep?.({ ...step });
  for (const step of report.steps) {
    if (confirm && DESTRUCTIVE.has(step.action) && !(await confirm({ ...step }))) return report;
    try {
      await runner.perform(step);
    } catch (error) {
      step.status = "failed";
      notify(step);
      const outcome =
        step.action === "deploy" ? await rollBack(report, runner, notify) : "nothing was undone";
      throw new RotationError(
        `Rotation of the ${NOUN[report.kind]} of app ${report.appId} failed at ${step.action} ${step.target}; ${outcome} (see cause)`,
        report,
        error,
      );
    }
    step.status = "done";
    notify(step);
  }
  return report;
}

async function rollBack(
  report: RotationReport,
  runner: StepRunner,
  notify: (step: RotationStep) => void,
): Promise<string> {
  const created = report.steps.find((step) => step.action === "create-secret" || step.action === "add-key");
  if (created?.status !== "done") return "nothing was undone";
  try {
    await runner.undo();
  } catch {
    return `rolling back failed: the new ${NOUN[report.kind]} ${created.target} is still on the app`;
  }
  created.status = "rolled-back";
  notify(created);
  return `rolled back: the new ${NOUN[report.kind]} ${created.target} was deactivated and deleted`;
}

/**
 * Checks the options every workflow shares, before any request.
 * @throws {TypeError} naming the option.
 */
export function checkRotationOptions<Credential>(options: RotationOptions<Credential>): void {
  if (typeof options !== "object" || options === null)
    throw new TypeError("options must be an object such as { deploy }");
  if (options.dryRun !== undefined && typeof options.dryRun !== "boolean") {
    throw new TypeError("options.dryRun must be a boolean");
  }
  if (!options.dryRun && typeof options.deploy !== "function") {
    throw new TypeError("options.deploy must be a function that puts the new credential in place");
  }
  if (options.deleteOld !== undefined && typeof options.deleteOld !== "boolean") {
    throw new TypeError("options.deleteOld must be a boolean");
  }
  if (options.onStep !== undefined && typeof options.onStep !== "function") {
    throw new TypeError("options.onStep must be a function");
  }
  if (options.confirm !== undefined && typeof options.confirm !== "function") {
    throw new TypeError("options.confirm must be a function");
  }
}
