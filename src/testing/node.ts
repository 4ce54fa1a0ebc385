export { type FakeOktaServer, serveFakeOkta } from "./serve-fake-okta.js";
