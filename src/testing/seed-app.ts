import { type FakeAppInit, type FakeAppState, TOKEN_ENDPOINT_AUTH_METHODS } from "./fake-app.js";
import { JWKS } from "./fake-jwks.js";
import { newId } from "./fake-random.js";
import { FakeRefusal } from "./fake-refusal.js";
import { SECRETS } from "./fake-secrets.js";

const AUTH_METHODS: ReadonlySet<string> = new Set(TOKEN_ENDPOINT_AUTH_METHODS);
const APP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Builds an app's state from `init`, adding its keys and secrets in order under the API's own rules. The id joins
 * `taken` before anything is awaited, so that a concurrent call with the same id is refused; it leaves `taken`
 * again when a seed is refused.
 * @throws {TypeError} naming the invalid field or the seed that breaks a rule (with the rule, never a value).
 */
export async function seedApp(init: FakeAppInit, now: string, taken: Set<string>): Promise<FakeAppState> {
  const app = emptyApp(init, taken);
  taken.add(app.id);
  try {
    await addSeeds(app, init, now);
    return app;
  } catch (error) {
    taken.delete(app.id);
    throw error;
  }
}

/** An app without keys or secrets, after checking `init` and that its id is not `taken`. @throws {TypeError} */
function emptyApp(init: FakeAppInit, taken: ReadonlySet<string>): FakeAppState {
  if (typeof init !== "object" || init === null) throw new TypeError("app must be an object");
  const id = init.id ?? newId("app");
  if (typeof id !== "string" || !APP_ID.test(id))
    throw new TypeError("app.id must be 1 to 64 letters, digits, '-' or '_'");
  if (taken.has(id)) throw new TypeError(`app.id ${id} is already an app of this fake`);
  if (!AUTH_METHODS.has(init.tokenEndpointAuthMethod)) {
    throw new TypeError(`app.tokenEndpointAuthMethod must be one of ${[...AUTH_METHODS].join(", ")}`);
  }
  if (init.idTokenEncryption !== undefined && typeof init.idTokenEncryption !== "boolean") {
    throw new TypeError("app.idTokenEncryption must be a boolean");
  }
  return {
    id,
    tokenEndpointAuthMethod: init.tokenEndpointAuthMethod,
    idTokenEncryption: init.idTokenEncryption ?? false,
    jwks: [],
    secrets: [],
  };
}

/** Adds the keys, then the secrets, of `init` to `app`, each as the API would add them. @throws {TypeError} */
async function addSeeds(app: FakeAppState, init: FakeAppInit, now: string): Promise<void> {
  for (const [kind, seeds = [], name] of [
    [JWKS, init.jwks, "app.jwks"],
    [SECRETS, init.secrets, "app.secrets"],
  ] as const) {
    if (!Array.isArray(seeds)) throw new TypeError(`${name} must be an array`);
    for (const [index, seed] of seeds.entries()) {
      try {
        await kind.create(app, seed, now);
      } catch (error) {
        refused(`${name}[${index}]`, error);
      }
    }
  }
}

function refused(name: string, error: unknown): never {
  if (error instanceof FakeRefusal) {
    const cause = error.body.errorCauses[0]?.errorSummary ?? error.body.errorSummary;
    throw new TypeError(`${name} is refused: ${cause}`);
  }
  throw error;
}
