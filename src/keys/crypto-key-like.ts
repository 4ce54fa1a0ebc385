/**
 * A WebCrypto `CryptoKey`: the runtime's own type where its type declarations have one (the DOM library, Deno,
 * `@types/node` 24), otherwise the members every `CryptoKey` has, so that declarations need no DOM library.
 */
export type CryptoKeyLike = typeof globalThis extends { CryptoKey: { prototype: infer Key } }
  ? Key
  : {
      readonly type: "private" | "public" | "secret";
      readonly algorithm: { readonly name: string };
      readonly extractable: boolean;
      readonly usages: readonly string[];
    };
