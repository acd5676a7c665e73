import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Gateways the tests start as processes run from transpiled modules (`node <dir>/main.js`, as
 * `npm start` does), not through tsx, which compiles every module again in each process: about
 * 2 s of CPU per gateway. Transpiled once per run (esbuild, well under a second) into a directory
 * of the run's own beside src/, so that two runs at once, or build.test.ts rebuilding dist/, never
 * share it; removed when the run ends.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

export default function setup(project: TestProject): () => void {
  const dir = `.test-dist-${process.pid}`;
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', dir], { cwd: root, stdio: 'pipe' });
  project.provide('gatewayMain', join(root, dir, 'main.js'));
  return () => rmSync(join(root, dir), { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The transpiled gateway entry point (`main.js`) for tests that start it as a process. */
    gatewayMain: string;
  }
}
