/** Canned bodies the loopback server answers with, shaped like live Okta responses. */

/** One public signing key as Okta returns it, with `id`, timestamps and `_links`. */
export function cannedKey(index: number): Record<string, unknown> {
  const id = `pks${String(index).padStart(17, "0")}`;
  const href = `http://127.0.0.1/api/v1/apps/0oabench/credentials/jwks/${id}`;
  return {
    id,
    kid: `bench-key-${index}`,
    kty: "RSA",
    use: "sig",
    alg: "RS256",
    e: "AQAB",
    n: "u2Vwl0xQ3-Q2hHuxYkPbOavQ5KWp0k0rzPL0uFE3Bd0Zr4k2w8p9oYm6dYQd4r0GsiWbtfSOKcmNjhUMZ-3ZrJ8cXZ0dn7S9dZP4tA1k0mF",
    status: "ACTIVE",
    created: "2026-01-05T10:00:00.000Z",
    lastUpdated: "2026-01-05T10:00:00.000Z",
    _links: {
      deactivate: { href: `${href}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
    },
  };
}

/** A client secret as `POST …/secrets` answers it. */
export const CANNED_SECRET = {
  id: "ocs2f4zrZbs8nUa7p0g4",
  status: "ACTIVE",
  client_secret: "K7wB1xq0J2nD9cVf4sTz8pLm3eRy6hUa5iOg0kWj2Qb",
  secret_hash: "yk4SVx4sUWVJVbHt6M-UPA",
  created: "2026-01-05T10:00:00.000Z",
  lastUpdated: "2026-01-05T10:00:00.000Z",
  _links: {
    deactivate: {
      href: "http://127.0.0.1/api/v1/apps/0oabench/credentials/secrets/ocs2f4zrZbs8nUa7p0g4/lifecycle/deactivate",
      hints: { allow: ["POST"] },
    },
  },
};
