import type { RotationOptions } from "./run-rotation.js";

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
