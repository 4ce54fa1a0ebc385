import { checkId } from "../api/ids.js";
import type { OktaClient } from "../client.js";
import { checkExchange, type Exchange } from "./check-exchange.js";
import { recordExchanges } from "./record-exchanges.js";
import { hiddenValues, redactBody } from "./redact-body.js";
import { restoreApp } from "./restore-app.js";
import { type AppCredentials, type CreatedIds, runLifecycle } from "./verify-lifecycle.js";
import { createReport, type DeviatingAnswer, type VerifyReport } from "./verify-report.js";
import { createSteps, type StepRunner, type VerifyStep } from "./verify-steps.js";

/** Options of {@link verifyApp}. */
export interface VerifyOptions {
  /**
   * Also creates, gets, activates, deactivates and deletes one client secret and one generated signing key on the
   * app; then, however that went, removes whatever of them is left (deactivating it first) and reports by id what it
   * could not remove. `disposableApp` must repeat the app id: it confirms that the app is one you can afford to
   * change. @default read-only: lists and gets only
   */
  readonly lifecycle?: { readonly disposableApp: string };
  /** How many of the listed keys to get one by one (every secret is, there are two at most). @default 3 */
  readonly keysToGet?: number;
}

/**
 * Checks a live org against the curated spec: runs the app's operations through `okta` and validates every answer
 * (status, headers and body) against the spec's response schemas. Read-only unless `lifecycle` confirms the app is
 * disposable; credentials it did not create are never changed. Give it a client of its own while it runs: it
 * records the answers of every call made through `okta`.
 * @throws {TypeError} before any request, for an invalid app id or a lifecycle confirmation that names another app.
 */
export async function verifyApp(
  okta: OktaClient,
  appId: string,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  checkId("appId", appId);
  const { lifecycle, keysToGet = 3 } = options;
  if (lifecycle !== undefined && lifecycle.disposableApp !== appId) {
    throw new TypeError(
      "lifecycle.disposableApp must repeat the app id, to confirm that the app is disposable",
    );
  }
  if (!Number.isInteger(keysToGet) || keysToGet < 0) throw new TypeError("keysToGet must be a whole number");
  const steps: VerifyStep[] = [];
  const runner = createSteps(steps);
  const { step } = runner;
  const { exchanges } = await recordExchanges(okta, async () => {
    const before = await readApp(okta, appId, step, keysToGet);
    if (!lifecycle || !before) return;
    const created: CreatedIds = { secrets: new Set(), jwks: new Set() };
    try {
      await runLifecycle(okta, appId, before, created, runner);
    } finally {
      await restoreApp(okta, appId, before, created, step);
    }
  });
  const checked = exchanges.map((exchange) => ({ exchange, deviations: checkExchange(exchange) }));
  const deviating = checked.filter((entry) => entry.deviations.length > 0);
  return createReport(
    {
      appId,
      mode: lifecycle ? "lifecycle" : "read-only",
      steps,
      checked: exchanges.length,
      deviations: deviating.flatMap((entry) => entry.deviations),
      answers: deviating.map((entry) => toAnswer(entry.exchange)),
    },
    exchanges.flatMap((exchange) => hiddenValues(exchange.body)),
  );
}

/** Lists the app's secrets and keys and gets them one by one; `undefined` when a list failed. */
async function readApp(
  okta: OktaClient,
  appId: string,
  step: StepRunner,
  keysToGet: number,
): Promise<AppCredentials | undefined> {
  const secrets = await step("secrets.list", () => okta.secrets.list(appId));
  const keys = await step("jwks.list", () => okta.jwks.list(appId));
  if (!secrets || !keys) return undefined;
  if (keysToGet === 0) return { secrets, keys };
  for (const { id } of secrets) await step(`secrets.get ${id}`, () => okta.secrets.get(appId, id));
  for (const { id } of keys.slice(0, keysToGet)) await step(`jwks.get ${id}`, () => okta.jwks.get(appId, id));
  return { secrets, keys };
}

function toAnswer(exchange: Exchange): DeviatingAnswer {
  const { body } = exchange;
  const shown = body === undefined ? "(not JSON)" : JSON.stringify(redactBody(body), null, 2);
  return {
    request: `${exchange.method} ${exchange.path}`,
    status: exchange.status,
    requestId: exchange.headers.get("X-Okta-Request-Id"),
    body: shown.length > 2000 ? `${shown.slice(0, 2000)}\n… (cut)` : shown,
  };
}
