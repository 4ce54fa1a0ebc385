import { describe, expect, test } from "vitest";
import { readCapped, readCappedText } from "../../src/transport/read-capped.js";

function streamed(chunks: string[]): { response: Response; cancelled: () => boolean } {
  let cancelled = false;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body), cancelled: () => cancelled };
}

describe("readCapped", () => {
  test("reads a short body whole", async () => {
    const { response, cancelled } = streamed(["ab", "cd"]);
    expect(await readCappedText(response, 10)).toBe("abcd");
    expect(cancelled()).toBe(false);
  });

  test("stops at the bound, in the middle of a chunk, and cancels the rest", async () => {
    const { response, cancelled } = streamed(["abc", "def", "ghi", "never read"]);
    expect(new TextDecoder().decode(await readCapped(response, 5))).toBe("abcde");
    expect(cancelled()).toBe(true);
  });

  test("reads nothing from a response without a body", async () => {
    expect(await readCapped(new Response(null, { status: 204 }), 5)).toEqual(new Uint8Array(0));
  });
});
