#!/usr/bin/env node
import { createInterface } from "node:readline/promises";
import type { CliIo } from "./io.js";
import { run } from "./run.js";

// `… | head` closes the pipe before everything is read: the rest is not wanted, which is no failure. Later output
// is dropped and the command still ends as it would have (a rotation is not cut short half done), with its code.
let stdoutOpen = true;
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  stdoutOpen = false;
});

const io: CliIo = {
  out: (text) => {
    if (stdoutOpen) process.stdout.write(text);
  },
  err: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  // Carriage return and erase-line: the status overwrites itself; never written when stderr is a file or pipe.
  progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
  async readStdin() {
    let text = "";
    process.stdin.setEncoding("utf8");
    for await (const chunk of process.stdin) text += chunk;
    return text;
  },
  async confirm(question) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  },
};

process.exitCode = await run(process.argv.slice(2), io);
