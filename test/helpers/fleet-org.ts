import { createOktaClient, type OktaClient } from "../../src/index.js";
import { createFakeOkta, type FakeAppInit, type FakeOkta } from "../../src/testing/index.js";
import { testClock } from "./fake-org.js";

/**
 * Virtual time on `clock`: `sleep(ms)` resolves once the clock reaches its moment, and the clock jumps to the
 * earliest pending moment only when nothing else is left to run (a macrotask later), so waits that overlap in
 * real time overlap here too and cost no real time.
 */
export function virtualSleep(clock: ReturnType<typeof testClock>) {
  const pending: { at: number; resolve: () => void }[] = [];
  let scheduled = false;
  const fire = () => {
    scheduled = false;
    const at = Math.min(...pending.map((each) => each.at));
    if (at > clock.now()) clock.advance(at - clock.now());
    for (const due of pending.filter((each) => each.at <= clock.now())) {
      pending.splice(pending.indexOf(due), 1);
      due.resolve();
    }
    if (pending.length > 0 && !scheduled) {
      scheduled = true;
      setTimeout(fire, 0);
    }
  };
  return (ms: number) =>
    new Promise<void>((resolve) => {
      pending.push({ at: clock.now() + Math.max(0, ms), resolve });
      if (!scheduled) {
        scheduled = true;
        setTimeout(fire, 0);
      }
    });
}

/**
 * A fake Okta with a per-endpoint rate limit and `apps`, on a clock the test controls: the client's throttle
 * sleeps by moving that clock, so waits for a window's reset take no real time. Records every request and the
 * status of every answer.
 */
export async function fleetOrg(apps: readonly FakeAppInit[], limit = 4, windowMs = 60_000) {
  const clock = testClock();
  const fake: FakeOkta = await createFakeOkta({ now: clock.now, rateLimit: { limit, windowMs } });
  const appIds: string[] = [];
  for (const app of apps) appIds.push(await fake.addApp(app));
  const statuses: number[] = [];
  // Each request as `METHOD /path`, with the origin and `/api/v1/apps/` left out.
  const sent: string[] = [];
  const okta: OktaClient = createOktaClient({
    orgUrl: "https://fake.okta.test",
    auth: { type: "apiToken", token: "test-token" },
    throttle: { now: clock.now, sleep: virtualSleep(clock) },
    fetch: async (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname.replace("/api/v1/apps/", "")}`);
      const response = await fake.fetch(request);
      statuses.push(response.status);
      return response;
    },
  });
  return {
    fake,
    appIds,
    okta,
    clock,
    statuses,
    sent,
    throttled: () => statuses.filter((s) => s === 429).length,
  };
}
