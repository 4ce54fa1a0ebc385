import type { ClientSecret, Jwk } from "../api/types.js";
import { rsaModulusBits } from "../keys/rsa-modulus-bits.js";
import { maskSecret } from "../rotation/rotation-report.js";

/** Returns the secret with `client_secret` masked unless `show` is set; `secret_hash` still tells secrets apart. */
export function presentSecret(secret: ClientSecret, show: boolean): ClientSecret {
  return show ? secret : { ...secret, client_secret: maskSecret(secret) };
}

/** Renders rows as a left-aligned table with a header line. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}

/** One line per key: id, status, use, type, algorithm, kid. */
export function keysTable(keys: readonly Jwk[]): string {
  return table(
    ["ID", "STATUS", "USE", "TYPE", "ALG", "KID", "CREATED"],
    keys.map((key) => [
      key.id,
      key.status,
      key.use,
      key.kty === "EC" ? `EC ${key.crv}` : `RSA ${rsaModulusBits(key.n)}`,
      key.alg,
      key.kid ?? "-",
      key.created,
    ]),
  );
}

/** One line per secret: id, status, the (masked) secret, created. */
export function secretsTable(secrets: readonly ClientSecret[]): string {
  return table(
    ["ID", "STATUS", "CLIENT SECRET", "CREATED"],
    secrets.map((secret) => [secret.id, secret.status, secret.client_secret, secret.created]),
  );
}
