import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';

/** Shared helpers for benchmarks: medians, result files, a standalone simulator process. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which `p` percent of `values` fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Prints the figures and writes them to bench-results/<name>.json. */
export function report(name: string, figures: Record<string, unknown>): void {
  const dir = new URL('../../bench-results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const payload = { benchmark: name, at: new Date().toISOString(), node: process.version, ...figures };
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(payload, null, 2)}\n`);
  console.log(`\n## ${name}`);
  console.log(JSON.stringify(figures, null, 2));
}

export interface StandaloneSimulator {
  baseUrl: string;
  locations: { id: string; token: string; readonlyToken: string }[];
  requests(): Promise<{ method: string; route: string | null; status: number }[]>;
  clearRequests(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `npm run simulator` as its own process, as a person would, and reads its JSON line. */
export async function startStandaloneSimulator(args: string[]): Promise<StandaloneSimulator> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', '--port', '0', ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const info = await new Promise<{ baseUrl: string; locations: StandaloneSimulator['locations'] }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      for (const line of out.split('\n')) {
        if (line.startsWith('{"baseUrl"')) return resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return {
    ...info,
    requests: async () => (await fetch(`${info.baseUrl}/_sim/requests`)).json() as never,
    clearRequests: async () => {
      await fetch(`${info.baseUrl}/_sim/requests`, { method: 'DELETE' });
    },
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
