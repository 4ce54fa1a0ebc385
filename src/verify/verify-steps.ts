/** One step of a verification and how it went. */
export interface VerifyStep {
  /** The operation and the id it was for, such as `secrets.get ocs…`. */
  readonly name: string;
  /** `skipped` when Okta's rules would have refused the step. */
  readonly outcome: "ok" | "failed" | "skipped";
  /** Why it failed or was skipped. */
  readonly detail?: string;
}

/** Runs one step, recording its outcome; resolves to its result, or `undefined` when it failed. */
export type StepRunner = <T>(name: string, run: () => Promise<T>) => Promise<T | undefined>;

/** A step runner, and a way to record a step skipped on purpose. */
export interface Steps {
  readonly step: StepRunner;
  readonly skip: (name: string, why: string) => void;
}

/** A step runner that appends to `steps`, and a way to record a step skipped on purpose. */
export function createSteps(steps: VerifyStep[]): Steps {
  const step: StepRunner = async (name, run) => {
    try {
      const result = await run();
      steps.push({ name, outcome: "ok" });
      return result;
    } catch (error) {
      // The client's errors already leave tokens and secrets out of their messages.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      steps.push({ name, outcome: "failed", detail });
      return undefined;
    }
  };
  const skip = (name: string, detail: string): void => {
    steps.push({ name, outcome: "skipped", detail });
  };
  return { step, skip };
}
