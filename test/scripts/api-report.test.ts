import { describe, expect, test } from "vitest";
import { checkApiReport, ENTRY_POINTS } from "../../scripts/api-report.js";

describe("the public API reports", () => {
  test.each(ENTRY_POINTS.map((entry) => [entry.report, entry] as const))(
    "docs/public-api/%s.api.md matches the built declarations (run `npm run api:report` after a deliberate change)",
    { timeout: 60_000 },
    (_report, entry) => {
      const result = checkApiReport(entry, false);
      expect(result.changed, result.messages.join("\n")).toBe(false);
      expect(result.ok).toBe(true);
    },
  );
});
