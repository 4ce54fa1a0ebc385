import { describe, expectTypeOf, test } from "vitest";
import type { CryptoKeyLike, GeneratedSigningKey, PrivateKeyAuth } from "../../src/index.js";

describe("CryptoKeyLike", () => {
  test("is the runtime's own CryptoKey where its types declare one (here the DOM's)", () => {
    expectTypeOf<CryptoKeyLike>().toEqualTypeOf<CryptoKey>();
    expectTypeOf<GeneratedSigningKey["privateKey"]>().toEqualTypeOf<CryptoKey>();
    expectTypeOf<CryptoKey>().toMatchTypeOf<PrivateKeyAuth["privateKey"]>();
  });

  test("keeps values that are no key out of privateKey", () => {
    expectTypeOf<number>().not.toMatchTypeOf<PrivateKeyAuth["privateKey"]>();
    expectTypeOf<{ usages: string }>().not.toMatchTypeOf<PrivateKeyAuth["privateKey"]>();
  });
});
