import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const SCRIPT = fileURLToPath(new URL("../fixtures/transport/abort-after-gc.mjs", import.meta.url));

describe("aborting a call while the garbage collector runs", () => {
  // Undici lets a Request's signal follow its parent's only while that Request is alive; a layer that built a
  // Request nobody kept would lose the abort once it was collected. The layers hand the attempt's signal to fetch.
  test("still times out, and still honours the caller's signal", { timeout: 15_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", SCRIPT]);
    const [timedOut, aborted] = JSON.parse(stdout) as { ended: string; afterMs: number }[];
    expect(timedOut?.ended).toBe("OktaTimeoutError");
    expect(timedOut?.afterMs).toBeLessThan(2_000);
    expect(aborted?.ended).toBe("AbortError");
    expect(aborted?.afterMs).toBeLessThan(1_000);
  });
});
