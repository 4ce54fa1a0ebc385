import type { Middleware } from "openapi-fetch";
import { findOperation } from "../api/operations.js";
import type { OktaClient } from "../client.js";
import type { Exchange } from "./check-exchange.js";

/**
 * Records every answer the client's operations receive while `run` runs, through a middleware on `okta.raw` that
 * reads a copy of each body and is removed afterwards. The calls' own results and errors are left as they are.
 */
export async function recordExchanges<T>(
  okta: OktaClient,
  run: () => Promise<T>,
): Promise<{ result: T; exchanges: Exchange[] }> {
  const exchanges: Exchange[] = [];
  const recorder: Middleware = {
    async onResponse({ request, response }) {
      const { pathname } = new URL(request.url);
      const operation = findOperation(request.method, pathname);
      if (!operation) return undefined;
      const text = await response.clone().text();
      exchanges.push({
        operationId: operation.operationId,
        method: request.method,
        path: pathname,
        status: response.status,
        headers: new Headers(response.headers),
        text,
        body: parseJson(text),
      });
      return undefined;
    },
  };
  okta.raw.use(recorder);
  try {
    return { result: await run(), exchanges };
  } finally {
    okta.raw.eject(recorder);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
