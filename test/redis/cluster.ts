import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/**
 * Real processes for the multi-replica suite: gateways (`src/main.ts`, transpiled once per run by
 * test/global-setup.ts), a standalone simulator
 * and, for the outage test, a Redis server of its own. Every child is tracked and killed by pid.
 */
export const MACHINE_REDIS_URL = 'redis://127.0.0.1:6379';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children = new Set<ChildProcess>();

export function trackedKillAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}

/** Fails loudly (never skips) when the machine's Redis does not answer. */
export async function requireMachineRedis(): Promise<void> {
  const r = new Redis(MACHINE_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    if ((await r.ping()) !== 'PONG') throw new Error('no PONG');
  } catch (err) {
    throw new Error(`Redis at 127.0.0.1:6379 is not reachable (${err instanceof Error ? err.message : String(err)}): the multi-replica suite needs it. Start it (redis-server) and run again.`);
  } finally {
    r.disconnect();
  }
}

/** A key prefix for one run, and a way to remove every key under it afterwards. */
export function runPrefix(label: string): string {
  return `ghl-test:${label}:${process.pid}-${Date.now().toString(36)}:`;
}

export async function deletePrefix(url: string, prefix: string): Promise<number> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  r.on('error', () => undefined);
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) removed += await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return removed;
}

export interface Proc {
  child: ChildProcess;
  stderr: () => string;
  /** The latest log lines (the gateway logs JSON lines to stdout), parsed where they are JSON. */
  logLines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `node …args`: a TypeScript entry point goes through tsx, a transpiled one runs as it is. */
function run(args: string[], env: Record<string, string>, onLine: (line: string) => void): Proc {
  const child = spawn(process.execPath, args[0]!.endsWith('.ts') ? ['--import', 'tsx', ...args] : args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let err = '';
  let buf = '';
  const lines: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      onLine(line);
      lines.push(line);
      if (lines.length > 2_000) lines.shift();
      buf = buf.slice(i + 1);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err = (err + d).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stderr: () => err,
    logLines: () => lines.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : [])),
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      children.delete(child);
    },
  };
}

function firstLine<T>(args: string[], env: Record<string, string>, match: (line: string) => T | null, what: string): Promise<{ proc: Proc; value: T }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 90 s:\n${proc.stderr()}`)), 90_000);
    const proc = run(args, env, (line) => {
      const value = match(line);
      if (value !== null) {
        clearTimeout(timer);
        resolve({ proc, value });
      }
    });
    void proc.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${proc.stderr()}`));
    });
  });
}

export interface SimInfo {
  baseUrl: string;
  locations: { id: string; token: string }[];
  oauthApp: { clientId: string; clientSecret: string };
  code: string;
  secondCode: string;
}

export interface SimEntry {
  method: string;
  path: string;
  route?: string;
  status: number;
  at: string;
}

export async function startSimulatorProcess(options: Record<string, unknown>) {
  const { proc, value } = await firstLine(['test/redis/fixtures/simulator-process.ts', JSON.stringify(options)], {}, (l) => (l.startsWith('{') ? (JSON.parse(l) as SimInfo) : null), 'simulator');
  return {
    proc,
    info: value,
    async requests(): Promise<SimEntry[]> {
      return (await (await fetch(`${value.baseUrl}/_sim/requests`)).json()) as SimEntry[];
    },
    async clear(): Promise<void> {
      await fetch(`${value.baseUrl}/_sim/requests`, { method: 'DELETE' });
    },
  };
}

export interface Replica {
  name: string;
  url: string;
  origin: string;
  proc: Proc;
}

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  // The gateway says where it listens in its `info` start-up line (a JSON log line with `url`).
  const { proc, value } = await firstLine([inject('gatewayMain')], { PORT: '0', ...env, LOG_LEVEL: 'info' }, (l) => l.match(/"url":"(http:\/\/[^"]+\/graphql)"/)?.[1] ?? null, `replica ${name}`);
  return { name, url: value, origin: value.replace(/\/graphql$/, ''), proc };
}

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as never;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Redis server of the test's own (the outage test stops it; the machine's Redis is never touched). */
export async function startOwnRedis(port: number): Promise<Proc> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server on ${port} did not start:\n${out}`)), 20_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return {
    child,
    stderr: () => out,
    logLines: () => [],
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      children.delete(child);
    },
  };
}

/** Polls `check` (real time) until it holds; for waiting on a signal another process gives. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type SimProcess = Awaited<ReturnType<typeof startSimulatorProcess>>;

/** Replicas that serve one location with its private integration token, and poll watched topics under leases. */
export function pollingReplicaEnv(o: { sim: SimProcess; prefix: string; intervalMs: number; minIntervalMs: number; leaseMs: number }): Record<string, string> {
  const loc = o.sim.info.locations[0]!;
  return {
    GHL_MODE: 'live',
    GHL_BASE_URL: o.sim.info.baseUrl,
    GHL_LOCATION_ID: loc.id,
    GHL_PRIVATE_INTEGRATION_TOKEN: loc.token,
    REDIS_URL: MACHINE_REDIS_URL,
    REDIS_KEY_PREFIX: o.prefix,
    SUBSCRIPTION_POLL_INTERVAL_MS: String(o.intervalMs),
    SUBSCRIPTION_POLL_MIN_MS: String(o.minIntervalMs),
    SUBSCRIPTION_LEASE_MS: String(o.leaseMs),
    GHL_RATE_BURST_MAX: '100000',
    LOG_LEVEL: 'warn',
    // Live mode without API keys is closed by default; these replicas sit on a private network.
    GATEWAY_ALLOW_ANONYMOUS: 'on',
  };
}

/** Stops the replicas and the simulator, then removes the run's keys. */
export async function stopCluster(o: { replicas: Replica[] | undefined; sim: SimProcess | undefined; prefix: string }): Promise<void> {
  for (const r of o.replicas ?? []) await r.proc.kill('SIGTERM');
  await o.sim?.proc.kill('SIGTERM');
  trackedKillAll();
  await deletePrefix(MACHINE_REDIS_URL, o.prefix);
}

/** Changes a contact's first name in the simulator directly, as someone using GHL would (polls find it). */
export async function renameContact(sim: SimProcess, contactId: string, firstName: string): Promise<void> {
  const loc = sim.info.locations[0]!;
  const res = await fetch(`${sim.info.baseUrl}/contacts/${contactId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${loc.token}`, version: '2021-07-28', 'content-type': 'application/json' },
    body: JSON.stringify({ firstName }),
  });
  if (res.status !== 200) throw new Error(`renaming ${contactId} answered ${res.status}`);
}
