export type { Authenticator } from "./auth/authenticator.js";
export type { FetchInit, FetchLayer, FetchLike } from "./transport/fetch-like.js";
export type { RetryInfo, RetryOptions } from "./transport/retry-options.js";
export type { RetryReason } from "./transport/retry-rules.js";
export { withAuth } from "./transport/with-auth.js";
export { withNoRedirects } from "./transport/with-no-redirects.js";
export { withRetry } from "./transport/with-retry.js";
export { type ThrottleOptions, withThrottle } from "./transport/with-throttle.js";
export { withTimeout } from "./transport/with-timeout.js";
