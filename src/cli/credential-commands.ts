import { type OperationName, operationNamed } from "../api/operations.js";
import type { ClientSecret, Jwk, NewClientSecret } from "../api/types.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { keysTable, presentSecret, secretsTable } from "./format.js";
import { MOCK_APP_ID } from "./mock-org.js";
import type { CommandFlag } from "./parse.js";
import { readPublicKey } from "./read-public-key.js";
import { readTextFile } from "./read-text-file.js";

const SAMPLE_ID = { jwks: "pks2f4zrZbs8nUa7p0g4", secrets: "ocs2f4zrZbs8nUa7p0g4" } as const;

/** A command's flags besides the global ones, and what its examples add after the ids. */
interface Extras {
  readonly flags?: readonly CommandFlag[];
  readonly examples?: readonly string[];
}

/** Calls one facade method with the path's ids: the app id, then the key or secret id when the path has one. */
type Call<T> = (context: CommandContext, appId: string, id: string) => Promise<T>;

/** The subcommand `<group> <verb>` for the operation named `group.verb`; its arguments are the path's ids. */
function command(name: OperationName, summary: string, extras: Extras, run: Call<CommandOutput>): Command {
  const { flags = [], examples = [""] } = extras;
  const operation = operationNamed(name);
  const [group, verb] = name.split(".") as [keyof typeof SAMPLE_ID, string];
  const params = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const ids = params.length > 1 ? `${MOCK_APP_ID} ${SAMPLE_ID[group]}` : MOCK_APP_ID;
  const example = `okta-app-credentials ${group} ${verb} ${ids}`;
  return {
    words: [group, verb],
    params,
    flags,
    summary,
    examples: examples.map((tail) => (tail ? `${example} ${tail}` : example)),
    operation,
    run(context) {
      const [appId = "", id = ""] = params.map((param) => context.params[param] as string);
      return run(context, appId, id);
    },
  };
}

/** A command that prints the keys its call returns. */
function keys(name: OperationName, summary: string, call: Call<Jwk | Jwk[]>, extras: Extras = {}): Command {
  return command(name, summary, extras, async (context, appId, id) => {
    const result = await call(context, appId, id);
    // A list stays an array; a single key prints as one object.
    return { json: result, text: keysTable([result].flat()) };
  });
}

/** A command that prints the secrets its call returns, masked unless `--show-secret`. */
function secrets(
  name: OperationName,
  summary: string,
  call: Call<ClientSecret | ClientSecret[]>,
  extras: Extras = {},
): Command {
  return command(name, summary, extras, async (context, appId, id) => {
    const show = context.args.flags["show-secret"] === true;
    const result = await call(context, appId, id);
    const shown = Array.isArray(result)
      ? result.map((secret) => presentSecret(secret, show))
      : presentSecret(result, show);
    return { json: shown, text: secretsTable([shown].flat()) };
  });
}

function deletes(name: OperationName, noun: string, call: Call<void>): Command {
  return command(name, `Delete an inactive ${noun}`, {}, async (context, appId, id) => {
    await call(context, appId, id);
    return { json: { deleted: id }, text: `Deleted ${noun} ${id}` };
  });
}

async function newSecretFrom(context: CommandContext): Promise<NewClientSecret> {
  const { "secret-file": file, inactive } = context.args.flags;
  const status: NewClientSecret = inactive ? { status: "INACTIVE" } : {};
  if (!file) return status;
  const text = await readTextFile(file, (code) => `Cannot read --secret-file ${file}: ${code}`);
  return { client_secret: text.replace(/\r?\n$/, ""), ...status };
}

/** The twelve operations as `jwks …` and `secrets …` subcommands. */
export const CREDENTIAL_COMMANDS: readonly Command[] = [
  keys("jwks.list", "List the app's JSON Web Keys", (c, app) => c.okta.jwks.list(app), {
    examples: ["", "--json"],
  }),
  keys("jwks.get", "Show one key by its Okta id (pks…)", (c, app, id) => c.okta.jwks.get(app, id)),
  keys(
    "jwks.add",
    "Add a public key from a PEM or JWK file",
    async (c, app) => c.okta.jwks.add(app, await readPublicKey(c.args, "jwks add")),
    {
      flags: ["public-key", "use", "kid", "alg", "inactive"],
      examples: ["--public-key ./next.pub.pem --kid signing-2026 --inactive"],
    },
  ),
  keys("jwks.activate", "Activate a key", (c, app, id) => c.okta.jwks.activate(app, id)),
  keys("jwks.deactivate", "Deactivate a key", (c, app, id) => c.okta.jwks.deactivate(app, id)),
  deletes("jwks.delete", "key", (c, app, id) => c.okta.jwks.delete(app, id)),
  secrets(
    "secrets.list",
    "List the app's client secrets (masked unless --show-secret)",
    (c, app) => c.okta.secrets.list(app),
    { examples: ["", "--json"] },
  ),
  secrets(
    "secrets.get",
    "Show one secret by its Okta id (ocs…)",
    (c, app, id) => c.okta.secrets.get(app, id),
    { examples: ["--show-secret"] },
  ),
  secrets(
    "secrets.create",
    "Create a secret (generated by Okta unless --secret-file)",
    async (c, app) => c.okta.secrets.create(app, await newSecretFrom(c)),
    {
      flags: ["secret-file", "inactive"],
      examples: ["", "--secret-file ./new-secret.txt --inactive"],
    },
  ),
  secrets("secrets.activate", "Activate a secret", (c, app, id) => c.okta.secrets.activate(app, id)),
  secrets("secrets.deactivate", "Deactivate a secret", (c, app, id) => c.okta.secrets.deactivate(app, id)),
  deletes("secrets.delete", "secret", (c, app, id) => c.okta.secrets.delete(app, id)),
];
