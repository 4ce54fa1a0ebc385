/** A decoded PEM block: its label (`PRIVATE KEY`, `RSA PRIVATE KEY`, …) and its DER bytes. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads the first PEM block of `text`, or returns `undefined` when there is none or its body is not base64.
 * Messages built from the result must never quote the body: it is key material.
 * @see https://www.rfc-editor.org/rfc/rfc7468
 */
export function readPem(text: string): PemBlock | undefined {
  // CI secrets often hold a PEM on one line with literal "\n" escapes instead of line breaks.
  const match = PEM_BLOCK.exec(text.replace(/(?:\\r)?\\n/g, "\n"));
  if (!match?.[1] || match[2] === undefined) return undefined;
  // Legacy OpenSSL encryption puts "Proc-Type:" headers inside the block; the caller reports those by label.
  if (match[2].includes(":")) return { label: `ENCRYPTED ${match[1]}`, der: new Uint8Array() };
  const body = match[2].replace(/\s+/g, "");
  if (!BASE64_BODY.test(body)) return undefined;
  const binary = atob(body);
  const der = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) der[index] = binary.charCodeAt(index);
  return { label: match[1], der };
}

/** Writes `der` as a PEM block with `label`, 64 characters a line. */
export function toPem(label: string, der: Uint8Array): string {
  let binary = "";
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
