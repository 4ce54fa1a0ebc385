import type { Authenticator } from "./authenticator.js";

/** An authenticator made on first use by `load`, for authenticators whose code is loaded on demand. */
export function createLazyAuthenticator(load: () => Promise<Authenticator>): Authenticator {
  let loaded: Promise<Authenticator> | undefined;
  const get = () => {
    loaded ??= load();
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
