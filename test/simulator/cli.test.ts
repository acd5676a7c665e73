import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

/** The standalone simulator as a script would use it: spawn, read the JSON line, call, stop. */

let child: ChildProcess | null = null;

/** npx → sh → tsx → node: signal the whole process group we started, as a terminal would. */
const signalGroup = (signal: NodeJS.Signals) => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
};

afterEach(() => {
  signalGroup('SIGKILL');
  child = null;
});

describe('cli', () => {
  it('prints one JSON line with baseUrl and tokens, serves GHL calls, and stops on SIGTERM', async () => {
    child = spawn('npx', ['tsx', 'src/simulator/cli.ts', '--port', '0', '--contacts', '20'], { cwd: process.cwd(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout! });
    let info: { baseUrl: string; locations: { id: string; token: string; readonlyToken: string }[] } | null = null;
    for await (const line of lines) {
      if (line.startsWith('{')) {
        info = JSON.parse(line);
        break;
      }
    }
    expect(info, stderr).not.toBeNull();
    expect(Object.keys(info!)).toEqual(['baseUrl', 'locations']);
    expect(info!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info!.locations).toHaveLength(2);
    for (const l of info!.locations) expect(Object.keys(l)).toEqual(['id', 'token', 'readonlyToken']);
    expect(stderr).toContain(info!.baseUrl);

    const loc = info!.locations[0]!;
    const res = await fetch(`${info!.baseUrl}/contacts/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${loc.token}`, version: '2021-07-28', 'content-type': 'application/json' },
      body: JSON.stringify({ locationId: loc.id, pageLimit: 3 }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(20);

    // 'close' waits for every holder of the stdio pipes, i.e. the node grandchild too.
    const closed = once(child, 'close');
    signalGroup('SIGTERM');
    await closed;
    expect(stderr).toContain('SIGTERM: stopping the simulator');
    await expect(fetch(`${info!.baseUrl}/_sim/requests`)).rejects.toThrow();
  });
});
