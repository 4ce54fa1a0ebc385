import { importPKCS8, importSPKI, importX509 } from "jose";
import { pkcs1ToPkcs8 } from "./pkcs1-to-pkcs8.js";

/** How {@link importPem} reads a PEM. */
export interface ImportPemOptions {
  /** The argument that messages name, such as `key` or `auth.privateKey`. */
  readonly name: string;
  /** Whether only a private key will do (to sign with) or any key (for its public half). */
  readonly privateOnly: boolean;
  /** The algorithms to try, in order: the key is imported for the first one it fits. */
  readonly algs: readonly string[];
  readonly extractable: boolean;
}

/** A key imported from a PEM, and the algorithm it was imported for. */
export interface ImportedPem {
  readonly key: CryptoKey;
  readonly alg: string;
}

type Holds = "a private key" | "a public key" | "a certificate";

const CONVERT_HINT = "convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`";

// What each PEM label holds, and how jose imports it; or, for a label jose cannot read, what to do instead. A PKCS#1
// "RSA PRIVATE KEY" is imported once re-wrapped as PKCS#8. No message may quote the key.
const LABELS: Readonly<Record<string, { holds: Holds; read?: typeof importPKCS8; hint?: string }>> = {
  "PRIVATE KEY": { holds: "a private key", read: importPKCS8 },
  "RSA PRIVATE KEY": { holds: "a private key", read: importPKCS8 },
  "PUBLIC KEY": { holds: "a public key", read: importSPKI },
  CERTIFICATE: { holds: "a certificate", read: importX509 },
  "EC PRIVATE KEY": { holds: "a private key", hint: `is a SEC1 "EC PRIVATE KEY"; ${CONVERT_HINT}` },
  "ENCRYPTED PRIVATE KEY": {
    holds: "a private key",
    hint: "is encrypted; decrypt it first with `openssl pkcs8 -in key.pem -out plain.pem`",
  },
  "RSA PUBLIC KEY": {
    holds: "a public key",
    hint: 'is a PKCS#1 "RSA PUBLIC KEY"; convert it with `openssl rsa -RSAPublicKey_in -in key.pem -pubout`',
  },
};

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Imports the key of the first PEM block in `text` with jose: PKCS#8 or PKCS#1 private keys, and unless
 * `privateOnly`, SPKI public keys and X.509 certificates. Other blocks are refused with what to do instead.
 * @throws {TypeError} naming `options.name`; messages never quote the key.
 * @see https://www.rfc-editor.org/rfc/rfc7468
 */
export async function importPem(text: string, options: ImportPemOptions): Promise<ImportedPem> {
  const fail = (problem: string) => new TypeError(`${options.name}: ${problem}`);
  // CI secrets often hold a PEM on one line with literal "\n" escapes instead of line breaks.
  const [, label = "", content = ""] = PEM_BLOCK.exec(text.replace(/(?:\\r)?\\n/g, "\n")) ?? [];
  if (!label) {
    throw fail(`expected a PEM block (-----BEGIN ${options.privateOnly ? "PRIVATE" : "PUBLIC"} KEY-----)`);
  }
  const read = readerFor(label, content, options.privateOnly);
  if (typeof read === "string") throw fail(`the PEM ${read}`);
  const body = content.replace(/\s+/g, "");
  if (!BASE64.test(body)) throw fail("the PEM block's body is not base64");
  const pem = label === "RSA PRIVATE KEY" ? toPem("PRIVATE KEY", wrapPkcs1(body)) : toPem(label, body);
  for (const alg of options.algs) {
    const key = await read(pem, alg, { extractable: options.extractable }).catch(() => undefined);
    if (key) return { key, alg };
  }
  throw fail("the PEM holds no RSA key or EC key on P-256, P-384 or P-521");
}

/** The jose importer for a PEM block, or what is wrong with the block. */
function readerFor(label: string, content: string, privateOnly: boolean): typeof importPKCS8 | string {
  // Legacy OpenSSL encryption puts "Proc-Type:" and "DEK-Info:" headers inside the block (RFC 1421).
  if (content.includes(":")) return `is encrypted; ${CONVERT_HINT}`;
  const entry = LABELS[label];
  if (privateOnly && entry && entry.holds !== "a private key") {
    return `is ${entry.holds}; pass the private key whose public half is registered with Okta`;
  }
  if (entry?.read) return entry.read;
  const readable = Object.entries(LABELS)
    .filter(([, each]) => each.read && (!privateOnly || each.holds === "a private key"))
    .map(([each]) => `"${each}"`);
  return entry?.hint ?? `is a "${label}" block; pass one of ${readable.join(", ")}`;
}

function wrapPkcs1(body: string): string {
  const der = pkcs1ToPkcs8(Uint8Array.from(atob(body), (char) => char.charCodeAt(0)));
  return btoa(String.fromCharCode(...der));
}

function toPem(label: string, body: string): string {
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}
