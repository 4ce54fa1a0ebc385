import { type Duration, parseDuration } from "../fleet/duration.js";
import type { CommandContext } from "./command.js";
import { UsageError } from "./exit-codes.js";

/** Flags that take a {@link Duration}. */
export type DurationFlag = "max-secret-age" | "max-key-age" | "max-inactive-age" | "if-older-than" | "grace";

/**
 * The value of a duration flag, checked here so that a mistake is a usage error naming the flag.
 * @throws {UsageError} when it is not a duration such as 90d.
 */
export function durationFlag(context: CommandContext, flag: DurationFlag): Duration | undefined {
  const value = context.args.flags[flag];
  if (value === undefined) return undefined;
  try {
    parseDuration(value, `--${flag}`);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return value as Duration;
}
