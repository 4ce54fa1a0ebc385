/** An app's keys: `GET` lists them, `POST` adds one. */
export const JWKS = "/api/v1/apps/{appId}/credentials/jwks";
/** One key: `GET` reads it, `DELETE` deletes it. */
export const JWK = "/api/v1/apps/{appId}/credentials/jwks/{keyId}";
/** `POST` activates a key. */
export const JWK_ACTIVATE = "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate";
/** `POST` deactivates a key. */
export const JWK_DEACTIVATE = "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate";
/** An app's client secrets: `GET` lists them, `POST` creates one. */
export const SECRETS = "/api/v1/apps/{appId}/credentials/secrets";
/** One secret: `GET` reads it, `DELETE` deletes it. */
export const SECRET = "/api/v1/apps/{appId}/credentials/secrets/{secretId}";
/** `POST` activates a secret. */
export const SECRET_ACTIVATE = "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate";
/** `POST` deactivates a secret. */
export const SECRET_DEACTIVATE = "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate";

/** The path templates of the twelve operations, as the spec spells them: one table for the facade and the throttle. */
export const OPERATION_PATHS: readonly string[] = [
  JWKS,
  JWK,
  JWK_ACTIVATE,
  JWK_DEACTIVATE,
  SECRETS,
  SECRET,
  SECRET_ACTIVATE,
  SECRET_DEACTIVATE,
];
