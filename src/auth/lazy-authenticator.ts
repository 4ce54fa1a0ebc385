import type { Authenticator } from "./authenticator.js";

/**
 * An authenticator made on first use by `load`, for authenticators whose code is loaded on demand. A load that
 * fails is not kept: every call until one succeeds loads again and rejects with what that load threw (for a bad
 * option, the same TypeError each time), so a module that failed to download once gets another chance.
 */
export function createLazyAuthenticator(load: () => Promise<Authenticator>): Authenticator {
  let loaded: Promise<Authenticator> | undefined;
  const get = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  return {
    async authorize(request) {
      return (await get()).authorize(request);
    },
    async shouldRetry(request, response) {
      const authenticator = await get();
      return authenticator.shouldRetry ? authenticator.shouldRetry(request, response) : false;
    },
  };
}
