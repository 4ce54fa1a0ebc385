import {
  OktaApiError,
  OktaConnectionError,
  OktaError,
  OktaOAuthError,
  OktaTimeoutError,
} from "./okta-errors.js";

/** Whether `value` is an {@link OktaError}, also across realms and duplicate copies of this package. */
export function isOktaError(value: unknown): value is OktaError {
  return value instanceof OktaError || hasName(value, /^Okta[A-Za-z]*Error$/);
}

/** Whether `value` is an {@link OktaApiError}, also across realms and duplicate copies of this package. */
export function isOktaApiError(value: unknown): value is OktaApiError {
  return value instanceof OktaApiError || hasName(value, /^OktaApiError$/);
}

/** Whether `value` is an {@link OktaConnectionError}, also across realms. */
export function isOktaConnectionError(value: unknown): value is OktaConnectionError {
  return value instanceof OktaConnectionError || hasName(value, /^OktaConnectionError$/);
}

/** Whether `value` is an {@link OktaTimeoutError}, also across realms. */
export function isOktaTimeoutError(value: unknown): value is OktaTimeoutError {
  return value instanceof OktaTimeoutError || hasName(value, /^OktaTimeoutError$/);
}

/** Whether `value` is an {@link OktaOAuthError}, also across realms. */
export function isOktaOAuthError(value: unknown): value is OktaOAuthError {
  return value instanceof OktaOAuthError || hasName(value, /^OktaOAuthError$/);
}

function hasName(value: unknown, pattern: RegExp): boolean {
  if (typeof value !== "object" || value === null) return false;
  const name = (value as { name?: unknown }).name;
  return typeof name === "string" && pattern.test(name) && "message" in value;
}
