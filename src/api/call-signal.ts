/**
 * Runs `call` with a signal of its own that follows `signal`, and stops following it once the call settles. A
 * `Request` made with a signal adds an abort listener to it that only garbage collection removes, so a long-lived
 * signal shared by many calls would otherwise gather one listener per request (Node warns past 1,500). The call
 * still rejects with `signal.reason` when `signal` aborts.
 */
export async function withCallSignal<Result>(
  signal: AbortSignal | null | undefined,
  call: (signal: AbortSignal | undefined) => Promise<Result>,
): Promise<Result> {
  if (!signal) return call(undefined);
  const controller = new AbortController();
  const follow = () => controller.abort(signal.reason);
  if (signal.aborted) follow();
  else signal.addEventListener("abort", follow, { once: true });
  try {
    return await call(controller.signal);
  } finally {
    signal.removeEventListener("abort", follow);
  }
}
