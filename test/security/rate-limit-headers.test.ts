import { describe, expect, test } from "vitest";
import { createOktaClient, isOktaApiError, type OktaApiError } from "../../src/index.js";
import { withRetry, withThrottle } from "../../src/transport.js";
import { type CannedResponse, scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const JWKS = `/api/v1/apps/${APP}/credentials/jwks`;
const ABSURD_RESET = "999999999999999";
// The longest wait a timer can make (about 24.8 days): anything longer is no wait a server can mean.
const MAX_TIMER_MS = 2_147_483_647;

const tally = attackTally("rate-limit headers");
const serve = scriptedServers();

function tooMany(headers: Record<string, string>): CannedResponse {
  return {
    status: 429,
    headers,
    body: { errorCode: "E0000047", errorSummary: "API call exceeded rate limit" },
  };
}

async function rateLimitError(headers: Record<string, string>): Promise<OktaApiError> {
  const server = await serve([tooMany(headers)]);
  const okta = createOktaClient({
    orgUrl: server.url,
    auth: { type: "apiToken", token: "00rateToken" },
    retry: false,
  });
  const error = await okta.jwks.list(APP).catch((caught: unknown) => caught);
  expect(isOktaApiError(error)).toBe(true);
  return error as OktaApiError;
}

describe("impossible rate-limit headers never make an impossible wait", () => {
  const now = Date.now();
  const httpDate = (ms: number) => new Date(ms).toUTCString();

  test.each([
    ["an X-Rate-Limit-Reset of 999999999999999", { "X-Rate-Limit-Reset": ABSURD_RESET }],
    ["a Retry-After of 317 years", { "Retry-After": "9999999999" }],
    ["a Retry-After date in the year 9999", { "Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT" }],
    ["a reset a year away", { "X-Rate-Limit-Reset": String(Math.floor(now / 1000) + 365 * 86_400) }],
  ])("%s gives OktaApiError.retryAfter undefined, not an Invalid Date", async (_, headers) => {
    tally.attack();
    const error = await rateLimitError(headers);
    expect(error.retryAfter).toBeUndefined();
    expect(() => error.retryAfter?.toISOString()).not.toThrow();
  });

  test("an absurd X-Rate-Limit-Reset next to a sane Retry-After gives the Retry-After", async () => {
    tally.attack();
    const before = Date.now();
    const error = await rateLimitError({ "X-Rate-Limit-Reset": ABSURD_RESET, "Retry-After": "30" });
    const at = error.retryAfter?.getTime() ?? Number.NaN;
    expect(at).toBeGreaterThanOrEqual(before + 30_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 30_000);
  });

  test("a Date header from 1970 does not turn a reset a minute away into fifty years", async () => {
    tally.attack();
    const reset = Math.floor(Date.now() / 1000) + 60;
    const error = await rateLimitError({ "X-Rate-Limit-Reset": String(reset), Date: httpDate(0) });
    const wait = (error.retryAfter?.getTime() ?? Number.NaN) - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
  });

  test.each([
    ["X-Rate-Limit-Reset", { "X-Rate-Limit-Reset": ABSURD_RESET }],
    ["Retry-After", { "Retry-After": "9999999999" }],
  ])(
    "the retry layer treats an impossible %s as no answer and backs off, then succeeds",
    async (_, headers) => {
      tally.attack();
      const server = await serve([tooMany(headers), { status: 200, body: [] }]);
      const waits: number[] = [];
      const send = withRetry(
        { retries: 2 },
        { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
      )((request, init) => fetch(request, init));
      const response = await send(new Request(`${server.url}${JWKS}`));
      expect(response.status).toBe(200);
      expect(waits).toEqual([375]);
    },
  );

  test("the throttle is not blinded by an absurd reset: it still holds requests in the next sane window", async () => {
    tally.attack();
    const clock = { t: Date.UTC(2026, 2, 2, 17, 30) };
    const resets = [ABSURD_RESET, String(clock.t / 1000 + 2)];
    const server = await serve(() => ({
      status: 200,
      headers: {
        Date: httpDate(clock.t),
        "X-Rate-Limit-Remaining": "0",
        "X-Rate-Limit-Reset": resets.shift() ?? String(clock.t / 1000 + 2),
      },
      body: [],
    }));
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.t += ms;
    };
    const send = withThrottle({ now: () => clock.t, sleep })((request, init) => fetch(request, init));
    for (let call = 0; call < 3; call += 1) await send(new Request(`${server.url}${JWKS}`));
    expect(waits).toEqual([2_000]);
    expect(waits.every((ms) => ms <= MAX_TIMER_MS)).toBe(true);
  });
});
