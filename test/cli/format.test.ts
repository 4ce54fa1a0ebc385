import { describe, expect, test } from "vitest";
import type { Jwk } from "../../src/api/types.js";
import { keysTable } from "../../src/cli/format.js";

/** A 2048-bit RSA modulus: 256 bytes, the first with its top bit set. */
const MODULUS = Buffer.alloc(256, 0xa5);

function rsaKey(n: Buffer): Jwk {
  return {
    id: "pks2f4zrZbs8nUa7p0g4",
    status: "ACTIVE",
    use: "sig",
    kty: "RSA",
    alg: "RS256",
    kid: "k1",
    e: "AQAB",
    n: n.toString("base64url"),
    created: "2026-03-02T17:30:00.000Z",
    lastUpdated: "2026-03-02T17:30:00.000Z",
    _links: {},
  };
}

describe("keysTable", () => {
  test("shows an RSA key's size in bits of its modulus, leading zero bytes ignored", () => {
    const withLeadingZero = Buffer.concat([Buffer.from([0]), MODULUS]);
    for (const n of [MODULUS, withLeadingZero]) {
      expect(keysTable([rsaKey(n)]).split("\n")[1]).toMatch(
        /^pks2f4zrZbs8nUa7p0g4\s+ACTIVE\s+sig\s+RSA 2048\s+RS256\s/,
      );
    }
  });
});
