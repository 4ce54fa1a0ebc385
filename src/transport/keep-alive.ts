import type { Outgoing } from "./outgoing.js";

/** Requests some transport layer is still using. */
const LIVE = new Set<Outgoing>();

/**
 * Keeps `request` reachable until the returned function is called. Undici makes a Request's signal follow its
 * parent's only while that Request object is alive; if a Request built inside a layer is garbage-collected
 * mid-call, a later abort (the caller's or a timeout's) never reaches fetch. Seen on Node 20.
 */
export function holdRequest(request: Outgoing): () => void {
  LIVE.add(request);
  return () => {
    LIVE.delete(request);
  };
}
