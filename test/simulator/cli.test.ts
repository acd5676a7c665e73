import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './helpers.js';

/** The standalone simulator as a script would use it: spawn, read the JSON line, call, stop. */

let cli: ReturnType<typeof spawnCli> | null = null;

afterEach(() => {
  cli?.signal('SIGKILL');
  cli = null;
});

describe('cli', () => {
  it('prints one JSON line with baseUrl and tokens, serves GHL calls, and stops on SIGTERM', async () => {
    cli = spawnCli(['--port', '0', '--contacts', '20']);
    const { child } = cli;
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
    cli.signal('SIGTERM');
    await closed;
    expect(stderr).toContain('SIGTERM: stopping the simulator');
    await expect(fetch(`${info!.baseUrl}/_sim/requests`)).rejects.toThrow();
  });
});
