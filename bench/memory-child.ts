/**
 * Run by the benchmark in a fresh process: walks 100,000 keys with `paginate()` over pages of 200 through the
 * built client and prints the item count, the RSS before the walk and the process's peak RSS (`maxRSS`), both
 * in bytes.
 */
type Index = typeof import("../src/index.js");

const origin = process.argv[2] ?? "";
const { createOktaClient, paginate } = (await import(
  new URL("../dist/src/index.js", import.meta.url).href
)) as Index;
const okta = createOktaClient({ orgUrl: origin, auth: { type: "apiToken", token: "00bench-token" } });
const before = process.memoryUsage().rss;
let items = 0;
const params = { path: { appId: "0oapaged0000000000x7" } };
for await (const key of paginate(okta.raw, "/api/v1/apps/{appId}/credentials/jwks", { params })) {
  if (key) items++;
}
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ items, before, peak })}\n`);
