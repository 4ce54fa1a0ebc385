import type { TestProject } from "vitest/node";
import { type PrismServer, startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

let prism: PrismServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  prism = await startPrism("spec/okta-app-credentials.yaml");
  project.provide("prismUrl", prism.url);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
}
