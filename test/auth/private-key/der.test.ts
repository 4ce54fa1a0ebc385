import { describe, expect, test } from "vitest";
import { encodeDerElement, readDerElement, toHex } from "../../../src/auth/private-key/der.js";

describe("encodeDerElement and readDerElement", () => {
  for (const [size, header] of [
    [0, "0400"],
    [127, "047f"],
    [128, "048180"],
    [255, "0481ff"],
    [256, "04820100"],
    [70_000, "0483011170"],
  ] as const) {
    test(`round-trip ${size} content bytes with the header ${header}`, () => {
      const element = encodeDerElement(0x04, new Uint8Array(size).fill(7));
      expect(toHex(element.subarray(0, header.length / 2))).toBe(header);
      expect(readDerElement(element, 0)).toEqual({
        tag: 0x04,
        start: header.length / 2,
        end: element.length,
      });
    });
  }

  test("refuses lengths that run past the buffer or use indefinite form", () => {
    expect(readDerElement(Uint8Array.of(0x04, 0x02, 0x00), 0)).toBeUndefined();
    expect(readDerElement(Uint8Array.of(0x30, 0x80, 0x00, 0x00), 0)).toBeUndefined();
    expect(readDerElement(Uint8Array.of(0x04, 0x82, 0x01), 0)).toBeUndefined();
    expect(readDerElement(Uint8Array.of(0x04), 0)).toBeUndefined();
  });
});
