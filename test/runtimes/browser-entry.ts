/** The smoke suite in a browser page: the result is left on `globalThis.smokeResults` for the driver to read. */
import { inProcessSteps, runSteps } from "./smoke.js";

(globalThis as { smokeResults?: unknown }).smokeResults = runSteps(inProcessSteps());
