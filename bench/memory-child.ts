/**
 * Run by the benchmark in a fresh process: walks 100,000 keys through this client and prints the item count,
 * the RSS before the walk and the process's peak RSS (`maxRSS`), both in bytes. Uses `paginate()` over pages of
 * 200 when the package has it, otherwise `jwks.list` over one 100,000-item page.
 */
const origin = process.argv[2] ?? "";
// BENCH_DIST points at another build of the package (a directory holding `src/`), for trying a branch.
const DIST = new URL(
  "src/",
  process.env.BENCH_DIST
    ? new URL(`file://${process.env.BENCH_DIST}/`)
    : new URL("../dist/", import.meta.url),
);
const JWKS = "/api/v1/apps/{appId}/credentials/jwks";

type Index = typeof import("../src/index.js");
type Paginate = (raw: unknown, path: string, init: object) => AsyncIterable<unknown>;

// Builds without pagination (older branches, through BENCH_DIST) read one 100,000-item page instead.
const { createOktaClient, paginate } = (await import(new URL("index.js", DIST).href)) as Omit<
  Index,
  "paginate"
> & {
  readonly paginate?: Paginate;
};
const okta = createOktaClient({ orgUrl: origin, auth: { type: "apiToken", token: "00bench-token" } });
const before = process.memoryUsage().rss;
let items = 0;
if (paginate) {
  for await (const key of paginate(okta.raw, JWKS, { params: { path: { appId: "0oapaged0000000000x7" } } })) {
    if (key) items++;
  }
} else {
  items = (await okta.jwks.list("0oaonepage00000000x7")).length;
}
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  `${JSON.stringify({ mode: paginate ? "paginate" : "one page", items, before, peak })}\n`,
);
