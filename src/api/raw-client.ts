import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/okta-app-credentials.js";

/** The openapi-fetch client under the facade, typed with the curated spec's paths. */
export type OktaRawClient = Client<paths>;

/** The generated `paths` type of the curated spec, for users who build on {@link OktaRawClient}. */
export type OktaPaths = paths;
