/** The smoke suite where sockets exist (Node, Bun, Deno): every in-process step, then the fake over HTTP. */
import { createOktaClient } from "okta-app-credentials";
import { serveFakeOkta } from "okta-app-credentials/testing/node";
import { createSmokeOrg, inProcessSteps, runSteps, SECRETS_APP, TOKEN } from "./smoke.js";

const results = await runSteps({
  ...inProcessSteps(),
  "fake over HTTP": async () => {
    const fake = await createSmokeOrg();
    const server = await serveFakeOkta(fake);
    try {
      const okta = createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: TOKEN } });
      const created = await okta.secrets.create(SECRETS_APP, { status: "INACTIVE" });
      const listed = await okta.secrets.list(SECRETS_APP);
      if (listed.length !== 2 || !created._links.delete?.href.startsWith(server.url)) {
        throw new Error("expected two secrets and links on the server's URL");
      }
      return `${server.url.replace(/:\d+$/, ":<port>")}: ${listed.length} secrets`;
    } finally {
      await server.close();
    }
  },
});
console.log(`SMOKE_RESULTS ${JSON.stringify(results)}`);
