import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startServer } from "./start-server.js";

/** Memory of walking 100,000 keys: how many arrived, RSS before and at peak (bytes). */
export interface PeakMemory {
  readonly items: number;
  readonly before: number;
  readonly peak: number;
}

const CHILD = fileURLToPath(new URL("../memory-child.ts", import.meta.url));

/** Runs `bench/memory-child.ts` in a fresh process against a fresh loopback server. */
export async function peakMemory(): Promise<PeakMemory> {
  const server = await startServer();
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", CHILD, server.origin], {
      encoding: "utf8",
    });
    return JSON.parse(out) as PeakMemory;
  } finally {
    await server.stop();
  }
}
