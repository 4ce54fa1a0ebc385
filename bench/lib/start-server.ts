import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A running loopback server: its origin and how to stop it. */
export interface LoopbackServer {
  readonly origin: string;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL("../server.ts", import.meta.url));

/** Starts `bench/server.ts` in its own process on 127.0.0.1, port 0, and resolves once it listens. */
export function startServer(): Promise<LoopbackServer> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early with ${code}`)));
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text: string) => {
      const port = /listening (\d+)/.exec(text)?.[1];
      if (!port) return;
      child.removeAllListeners("exit");
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill();
          }),
      });
    });
  });
}
