// The jose functions the key helpers use. They are loaded with import() on first use, so that importing this
// package stays fast and token-only bundles never carry jose.
export { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importJWK } from "jose";
