import { tooLarge } from "./fake-refusal.js";

/** The most a request body may hold: far more than any key or secret, far less than a body worth buffering. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a request body as text, refusing with 413 one that declares, or turns out to hold, more than
 * {@link MAX_BODY_BYTES}; the rest of such a body is never read.
 * @throws {FakeRefusal} 413
 */
export async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge(MAX_BODY_BYTES);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge(MAX_BODY_BYTES);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
