export { createFakeOkta, type FakeOkta, type FakeOktaOptions } from "./create-fake-okta.js";
export type { FakeFetch } from "./fake-answer.js";
export type {
  FakeAppInit,
  FakeAppState,
  FakeSecretInit,
  StoredJwk,
  StoredSecret,
  TokenEndpointAuthMethod,
} from "./fake-app.js";
export { FAKE_RATE_LIMITS, type FakeRateLimit } from "./fake-rate-limit.js";
export { RULES as FAKE_OKTA_RULES } from "./fake-refusal.js";
