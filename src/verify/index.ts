export type { VerifyDeviation } from "./check-exchange.js";
export { type VerifyOptions, verifyApp } from "./verify-app.js";
export type { DeviatingAnswer, VerifyReport } from "./verify-report.js";
export type { VerifyStep } from "./verify-steps.js";
