import type { ClientSecret, Jwk } from "../api/types.js";

/** What one step of a rotation does to the app. */
export type RotationAction =
  | "delete-secret"
  | "create-secret"
  | "deactivate-secret"
  | "add-key"
  | "deactivate-key"
  | "delete-key"
  | "deploy";

/** Where a step stands: planned (not run), done, failed, or rolled-back (done, then undone after a failure). */
export type RotationStepStatus = "planned" | "done" | "failed" | "rolled-back";

/** One step of a rotation. */
export interface RotationStep {
  readonly action: RotationAction;
  /** The Okta id of the secret or key the step acts on; `"(new)"` until the new credential exists. */
  target: string;
  status: RotationStepStatus;
}

/** Target of the steps that act on the credential a rotation creates, before it exists. */
export const NEW_CREDENTIAL = "(new)";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The step-by-step record of a rotation or of its plan. Printing it (`String()`, `JSON.stringify`, `console.log`)
 * masks the new secret, and copies of it (spread, `structuredClone`, `util.inspect` without custom inspection)
 * never carry it; read `secret.client_secret` itself only where you must.
 */
export class RotationReport {
  readonly appId: string;
  readonly kind: "client-secret" | "jwk";
  /** Whether this is only a plan: no step was run. */
  readonly dryRun: boolean;
  readonly steps: RotationStep[];
  /** The new key, once added. */
  key: Jwk | undefined;
  // A private field: no enumeration, copy or inspection of the report reaches it, only the accessor below.
  #secret: ClientSecret | undefined;

  constructor(appId: string, kind: RotationReport["kind"], dryRun: boolean, steps: RotationStep[]) {
    this.appId = appId;
    this.kind = kind;
    this.dryRun = dryRun;
    this.steps = steps;
    this.key = undefined;
    // An own property rather than an `[INSPECT]()` method: bundlers keep a class with a computed member key even
    // when nothing uses it, which would put this report into the bundle of every app that never rotates.
    Object.defineProperty(this, INSPECT, { value: () => this.toJSON() });
  }

  /** The new client secret, once created; not an own property, so that copies of the report leave it behind. */
  get secret(): ClientSecret | undefined {
    return this.#secret;
  }

  set secret(secret: ClientSecret | undefined) {
    this.#secret = secret;
  }

  /** The report with the secret value replaced by its length and `secret_hash`. */
  toJSON(): object {
    const { appId, kind, dryRun, steps, key } = this;
    const secret = this.secret && { ...this.secret, client_secret: maskSecret(this.secret) };
    return { appId, kind, dryRun, steps, ...(secret ? { secret } : {}), ...(key ? { key } : {}) };
  }

  /** One line per step, then the new credential, secrets masked. */
  toString(): string {
    const title = `${this.dryRun ? "Plan for" : "Rotation of"} the ${this.kind === "jwk" ? "signing key" : "client secret"} of app ${this.appId}`;
    const lines = this.steps.map(
      (step) => `  ${step.status.padEnd(11)} ${step.action.padEnd(17)} ${step.target}`,
    );
    if (this.secret) lines.push(`  new secret ${this.secret.id}: ${maskSecret(this.secret)}`);
    if (this.key) lines.push(`  new key ${this.key.id}: kid ${this.key.kid ?? "(none)"}, ${this.key.alg}`);
    return [title, ...lines].join("\n");
  }
}

/** Describes a secret without revealing it: its length and Okta's `secret_hash`. */
export function maskSecret(secret: Pick<ClientSecret, "client_secret" | "secret_hash">): string {
  return `******** (${secret.client_secret.length} characters, secret_hash ${secret.secret_hash})`;
}
