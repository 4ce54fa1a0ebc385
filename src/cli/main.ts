#!/usr/bin/env node
import { createInterface } from "node:readline/promises";
import type { CliIo } from "./io.js";
import { run } from "./run.js";

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
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
