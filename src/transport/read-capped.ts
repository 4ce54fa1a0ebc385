/**
 * The most of an error's body the client reads: Okta's error documents take a few hundred bytes, and what is shown
 * of them is cut to a kB or so anyway. A body that goes on is cancelled there, however long it is.
 */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * The most of any answer the client holds in memory: far beyond what Okta sends (a page of a list, a token), so
 * that only a server that never stops talking reaches it.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Reads at most `maxBytes` of `response`'s body, and cancels the rest of it. */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= maxBytes) {
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(size, maxBytes));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.subarray(0, bytes.length - at), at);
    at += Math.min(chunk.byteLength, bytes.length - at);
  }
  return bytes;
}

/** At most `maxBytes` of `response`'s body as text (a character cut in half at the end becomes U+FFFD). */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readCapped(response, maxBytes));
}
