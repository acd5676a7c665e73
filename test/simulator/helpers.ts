import { spawn } from 'node:child_process';
import type { Simulator } from '../../src/simulator/server.js';

export const VERSION = '2021-07-28';

export interface CallOptions {
  /** Bearer token; `null` sends no Authorization header. */
  token?: string | null;
  /** `Version` header; `null` sends none. Defaults to 2021-07-28. */
  version?: string | null;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** Send `body` as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One real HTTP call to the simulator over loopback. */
export async function call<T = any>(sim: Simulator, method: string, path: string, opts: CallOptions = {}): Promise<CallResult<T>> {
  const url = new URL(sim.baseUrl + path);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? sim.locations[0]!.token : opts.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const version = opts.version === undefined ? VERSION : opts.version;
  if (version !== null) headers['version'] = version;
  let body: string | undefined;
  if (opts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/**
 * The standalone simulator as a terminal runs it (`npx tsx src/simulator/cli.ts …`), in its own
 * process group: npx → sh → tsx → node, so signals go to the whole group, as a terminal's would.
 */
export function spawnCli(args: string[]) {
  const child = spawn('npx', ['tsx', 'src/simulator/cli.ts', ...args], { cwd: process.cwd(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const signal = (sig: NodeJS.Signals) => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    }
  };
  return { child, signal };
}
