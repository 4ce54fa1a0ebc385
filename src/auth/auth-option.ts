import type { PrivateKeyAuth } from "./private-key-auth.js";
import type { TokenSource } from "./static-token.js";

/** Authenticate with an Okta API token: `Authorization: SSWS <token>`. */
export interface ApiTokenAuth {
  readonly type: "apiToken";
  /** The API token, without the `SSWS ` prefix. */
  readonly token: string;
}

/** Authenticate with an OAuth 2.0 access token you obtain yourself: `Authorization: Bearer <token>`. */
export interface AccessTokenAuth {
  readonly type: "accessToken";
  /** The access token, or a function asked before every request (for tokens you refresh elsewhere). */
  readonly token: TokenSource;
}

/** How the client authenticates its requests. */
export type AuthOption = ApiTokenAuth | AccessTokenAuth | PrivateKeyAuth;
