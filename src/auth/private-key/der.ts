/** One DER element of a buffer: its tag and the byte range of its contents. */
export interface DerElement {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** DER tags used by the key structures read here. */
export const DER_TAG = { integer: 0x02, octetString: 0x04, null: 0x05, oid: 0x06, sequence: 0x30 } as const;

/**
 * Reads the element that starts at `offset` in `der`, checking that it fits, or returns `undefined`.
 * This is encoding only (ITU-T X.690 definite lengths); no cryptography happens here.
 */
export function readDerElement(der: Uint8Array, offset: number): DerElement | undefined {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) return undefined;
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > der.length) return undefined;
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + (der[start + index] ?? 0);
    start += count;
  }
  const end = start + length;
  return end <= der.length ? { tag, start, end } : undefined;
}

/** Encodes one DER element with a definite length. */
export function encodeDerElement(tag: number, contents: Uint8Array): Uint8Array {
  const length: number[] = [];
  if (contents.length < 0x80) {
    length.push(contents.length);
  } else {
    for (let rest = contents.length; rest > 0; rest = Math.floor(rest / 256)) length.unshift(rest % 256);
    length.unshift(0x80 | length.length);
  }
  const element = new Uint8Array(1 + length.length + contents.length);
  element[0] = tag;
  element.set(length, 1);
  element.set(contents, 1 + length.length);
  return element;
}

/** Lower-case hex of `bytes`, for comparing object identifiers against tables. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
