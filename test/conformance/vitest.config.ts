import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Okta's Node SDK lives in this folder's own node_modules, so this suite runs apart from the main projects.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["*.test.ts"],
    testTimeout: 30_000,
  },
});
