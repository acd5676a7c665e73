import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { transformSync } from 'esbuild';

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

/**
 * One line of the summary table `npm run bench` prints: a figure next to its baseline from the
 * same run. The ratio is value / baseline; `goal` bounds it (or the value itself, when there is
 * no baseline to divide by, e.g. "429s: 0").
 */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  goal?: { ratioAtMost?: number; ratioAtLeast?: number; valueAtMost?: number };
  /** Drawn in the chart of headline ratios. */
  headline?: boolean;
}

export const ratioOf = (row: Row): number | null => (row.baseline && row.baseline.value !== 0 ? row.value / row.baseline.value : null);

/** True/false when the row has a goal, null when it has none. */
export function goalMet(row: Row): boolean | null {
  const g = row.goal;
  if (!g) return null;
  const ratio = ratioOf(row);
  if (g.ratioAtMost !== undefined && !(ratio !== null && ratio <= g.ratioAtMost)) return false;
  if (g.ratioAtLeast !== undefined && !(ratio !== null && ratio >= g.ratioAtLeast)) return false;
  if (g.valueAtMost !== undefined && !(row.value <= g.valueAtMost)) return false;
  return true;
}

export const RESULTS_DIR = new URL('../../bench-results/', import.meta.url);

/** Prints the figures and writes them, with the summary rows, to bench-results/<name>.json. */
export function report(name: string, figures: Record<string, unknown>, rows: Row[] = []): void {
  const dir = RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const payload = { benchmark: name, at: new Date().toISOString(), node: process.version, ...figures, rows };
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

/** GHL's request headers for a direct REST call to the simulator. */
export const ghlHeaders = (token: string) => ({ authorization: `Bearer ${token}`, version: '2021-07-28', 'content-type': 'application/json' });

/** A port free right now on loopback (for a process that must know its URL before it starts). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface GatewayProcess {
  url: string;
  /** Heap and RSS of the gateway process after a full GC, in MB. */
  memory(): Promise<{ heapUsedMb: number; rssMb: number }>;
  /** The shared pollers (topic, subscribers, polls so far). */
  pollers(): Promise<{ subscribers: number; polls: number; ready: boolean }[]>;
  /** A counter or gauge from the gateway's /metrics (summed over labels). */
  metric(name: string): Promise<number>;
  stop(): Promise<void>;
}

const ROOT = new URL('../..', import.meta.url).pathname;
let builtDir: string | null = null;

/**
 * Server scripts run as production runs the gateway (`npm start`: esbuild-transpiled modules under
 * plain `node`), not through tsx, whose keepNames transform costs every closure a `name`
 * definition that production never pays. So src/ is transpiled once per benchmark process into a
 * directory of its own beside src/ (like test/global-setup.ts does; removed on exit), and each
 * server script beside it, its `../../../src/` imports pointed at the transpiled copy. Every
 * server, the bare baselines included, runs this way with the same Node flags and environment.
 */
function builtScript(script: string): string {
  if (!builtDir) {
    const dir = `.bench-dist-${process.pid}`;
    execFileSync(process.execPath, ['scripts/build.mjs', '--out', dir], { cwd: ROOT, stdio: 'pipe' });
    builtDir = join(ROOT, dir);
    mkdirSync(join(builtDir, 'bench-servers'));
    const remove = builtDir;
    process.once('exit', () => rmSync(remove, { recursive: true, force: true }));
  }
  const source = new URL(script, import.meta.url).pathname;
  const out = join(builtDir, 'bench-servers', basename(source).replace(/\.ts$/, '.js'));
  const { code } = transformSync(readFileSync(source, 'utf8'), { loader: 'ts', format: 'esm', platform: 'node', target: 'node20' });
  writeFileSync(out, code.replaceAll(`'../../../src/`, `'../`).replaceAll(`"../../../src/`, `"../`));
  return out;
}

/**
 * Runs a server script of this folder (transpiled, see builtScript) as its own process and waits
 * for the `{"url": …}` line it prints. `ipc` opens a channel for questions (see servers/gateway.ts).
 */
export async function spawnServer(script: string, opts: { args?: string[]; env?: Record<string, string>; ipc?: boolean } = {}): Promise<{ url: string; child: ChildProcess }> {
  // BENCH_CPU_PROF=DIR: each server writes a V8 CPU profile there when it exits (for finding hot spots).
  const profile = process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`] : [];
  const child = spawn(process.execPath, ['--expose-gc', ...profile, builtScript(script), ...(opts.args ?? [])], {
    cwd: ROOT,
    // NODE_ENV=production as the Dockerfile sets it (graphql-js, for one, skips its development checks).
    env: { ...process.env, NODE_ENV: 'production', ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit', ...(opts.ipc ? (['ipc'] as const) : [])],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url, child };
}

/** The gateway as its own process (test/bench/servers/gateway.ts), configured by `env`. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const { url, child } = await spawnServer('./servers/gateway.ts', { env: { LOG_LEVEL: 'silent', ...env }, ipc: true });
  let nextId = 0;
  const ask = <T>(question: string): Promise<T> =>
    new Promise((resolve) => {
      const id = ++nextId;
      const onMessage = (m: { id: number; answer: T }) => {
        if (m.id !== id) return;
        child.off('message', onMessage);
        resolve(m.answer);
      };
      child.on('message', onMessage);
      child.send({ id, question });
    });
  return {
    url,
    memory: () => ask('memory'),
    pollers: () => ask('pollers'),
    async metric(name) {
      const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
      return text
        .split('\n')
        .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
        .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** POSTs a GraphQL request; the parsed body and the time it took. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ ms: number; body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as never;
  return { ms: performance.now() - started, body };
}
