export { createFakeOkta, type FakeOkta, type FakeOktaOptions } from "./create-fake-okta.js";
export type {
  FakeAppInit,
  FakeAppState,
  FakeSecretInit,
  StoredJwk,
  StoredSecret,
  TokenEndpointAuthMethod,
} from "./fake-app.js";
export type { FakeRateLimit } from "./fake-rate-limit.js";
export { RULES as FAKE_OKTA_RULES } from "./fake-refusal.js";
