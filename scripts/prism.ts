/**
 * Starts a Stoplight Prism mock server for a spec on 127.0.0.1 and a free port, and stops it by its process group.
 * Used by the contract tests' global setup and by the demo.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

/** A running Prism process. */
export interface PrismServer {
  /** Base URL such as `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Process id of Prism (also its process group id). */
  readonly pid: number;
  /** Stops Prism and everything it started. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 30_000;

/** Asks the OS for a port nobody is listening on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** How to start Prism: as a mock (the default) or as a validating proxy in front of a real server. */
export interface PrismOptions {
  /** Run `prism proxy` against this upstream URL (a loopback server) instead of `prism mock`. */
  readonly proxy?: string;
  /** Pass `--errors`: a request or response that breaks the spec becomes an error response. @default false */
  readonly errors?: boolean;
}

/** Starts `prism mock <specPath>` (or `prism proxy <specPath> <upstream>`) and resolves once it listens. */
export async function startPrism(specPath: string, options: PrismOptions = {}): Promise<PrismServer> {
  const port = await freePort();
  const cli = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
  const mode = options.proxy === undefined ? ["mock", specPath] : ["proxy", specPath, options.proxy];
  const args = [cli, ...mode, "-h", "127.0.0.1", "-p", String(port), ...(options.errors ? ["--errors"] : [])];
  // Started directly with node (not npx) and detached, so that killing the group stops the real server.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitUntilListening(child);
  const pid = child.pid as number;
  return { url: `http://127.0.0.1:${port}`, pid, stop: () => stopGroup(child) };
}

function waitUntilListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start in time:\n${output}`)),
      STARTUP_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      stopGroup(child).finally(() => reject(error));
    };
    const onData = (chunk: Buffer) => {
      // Keep reading after startup too: a full pipe would stall Prism.
      if (output.length < 20_000) output += chunk.toString();
      if (output.includes("Prism is listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Prism exited with code ${code}:\n${output}`)));
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {
      resolve();
    }
  });
}
