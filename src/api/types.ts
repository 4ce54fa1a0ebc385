import type { components } from "../../generated/okta-app-credentials.js";

type Schemas = components["schemas"];

/** A client JSON Web Key as Okta returns it; narrow on `use`, then on `kty`. */
export type Jwk = Schemas["Jwk"];
/** A signing key (`use: "sig"`), RSA or EC. */
export type SigningJwk = Schemas["RsaSigningJwk"] | Schemas["EcSigningJwk"];
/** An RSA signing key as Okta returns it. */
export type RsaSigningJwk = Schemas["RsaSigningJwk"];
/** An EC signing key as Okta returns it. */
export type EcSigningJwk = Schemas["EcSigningJwk"];
/** An encryption key (`use: "enc"`, always RSA), used to encrypt ID tokens. */
export type EncryptionJwk = Schemas["RsaEncryptionJwk"];
/** The body of `jwks.add`: a public key, with its intended `use`. */
export type NewJwk = Schemas["NewJwk"];
/** A client secret as Okta returns it, including the secret itself. */
export type ClientSecret = Schemas["ClientSecret"];
/** The optional body of `secrets.create`: omit `client_secret` to have Okta generate one. */
export type NewClientSecret = Schemas["NewClientSecret"];
/** `ACTIVE` or `INACTIVE`. */
export type CredentialStatus = Jwk["status"];
/** Okta's JSON error body. */
export type OktaErrorResponse = Schemas["Error"];
