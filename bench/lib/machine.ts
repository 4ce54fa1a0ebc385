import { availableParallelism, cpus } from "node:os";

/** One line naming the machine and date a result was measured on. */
export function describeMachine(now = new Date()): string {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${now.toISOString().slice(0, 16).replace("T", " ")} UTC · nproc ${availableParallelism()} · ${model} · Node ${process.versions.node}`;
}
