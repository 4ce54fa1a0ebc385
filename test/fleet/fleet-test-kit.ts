import type { FleetJournal, JournalEntry } from "../../src/index.js";
import { createOktaClient, type OktaClient } from "../../src/index.js";
import type { FakeOkta } from "../../src/testing/index.js";
import { ecJwk } from "../helpers/fake-org.js";

/** Apps with one client secret each. */
export const secretApps = (n: number) =>
  Array.from({ length: n }, () => ({
    tokenEndpointAuthMethod: "client_secret_basic" as const,
    secrets: [{}],
  }));

/** Two private_key_jwt apps with one active EC signing key each, of kid `old-a` and `old-b`. */
export const keyApps = async () => [
  { tokenEndpointAuthMethod: "private_key_jwt" as const, jwks: [await ecJwk("old-a")] },
  { tokenEndpointAuthMethod: "private_key_jwt" as const, jwks: [await ecJwk("old-b")] },
];

/** A journal in memory: `written` gets each entry; `fail(entry)` says when `append` throws instead. */
export function memoryJournal(
  entries: readonly JournalEntry[] = [],
  fail: (entry: JournalEntry) => boolean = () => false,
) {
  const written: JournalEntry[] = [];
  const journal: FleetJournal = {
    entries: [...entries],
    append(entry) {
      if (fail(entry)) throw new Error("ENOSPC: no space left on device");
      written.push(entry);
    },
  };
  return { journal, written };
}

/**
 * A client of `fake` and a journal for a process that is killed when `killed(entry)` first holds, before writing
 * it: from then on no request reaches Okta and no entry is written, as after a real crash.
 */
export function dyingProcess(fake: FakeOkta, killed: (entry: JournalEntry) => boolean) {
  let dead = false;
  const okta: OktaClient = createOktaClient({
    orgUrl: "https://fake.okta.test",
    auth: { type: "apiToken", token: "test-token" },
    retry: false,
    fetch: (request) => (dead ? Promise.reject(new TypeError("fetch failed")) : fake.fetch(request)),
  });
  const { journal, written } = memoryJournal([], (entry) => {
    dead ||= killed(entry);
    return dead;
  });
  return { okta, journal, written };
}

/** Each entry as one short line. */
export const lines = (entries: readonly JournalEntry[]) =>
  entries.map((e) =>
    [e.appId, e.event, e.event === "step" ? `${e.action} ${e.status}` : e.event === "end" ? e.outcome : ""]
      .join(" ")
      .trim(),
  );
