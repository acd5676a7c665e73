import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './helpers.js';

/** The CLI documents every switch, and `--strict-versions` switches the Version policy (versions.ts). */

const running: ReturnType<typeof spawnCli>[] = [];
afterEach(() => {
  for (const cli of running.splice(0)) cli.signal('SIGKILL');
});

async function output(cli: ReturnType<typeof spawnCli>): Promise<string> {
  let out = '';
  cli.child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await once(cli.child, 'close');
  return out;
}

async function baseUrlOf(cli: ReturnType<typeof spawnCli>): Promise<{ baseUrl: string; locations: { id: string; token: string }[] }> {
  for await (const line of createInterface({ input: cli.child.stdout! })) if (line.startsWith('{')) return JSON.parse(line);
  throw new Error('the simulator printed no JSON line');
}

describe('cli: switches', () => {
  it('--help documents every switch the parser accepts', async () => {
    const source = readFileSync(new URL('../../src/simulator/cli.ts', import.meta.url), 'utf8');
    const parsed = [...source.matchAll(/^\s+'?([a-z-]+)'?: \{ type: '(?:string|boolean)' \}/gm)].map((m) => m[1]!);
    expect(parsed).toContain('strict-versions');
    const help = await output(spawnCli(['--help']));
    const documented = [...help.matchAll(/^\s+--([a-z-]+)/gm)].map((m) => m[1]!);
    expect(documented.sort()).toEqual([...parsed].sort());
  });

  it('takes the SDK\'s 2023-02-21 by default, and only the spec\'s value with --strict-versions', async () => {
    const lenient = spawnCli(['--port', '0', '--contacts', '5']);
    const strict = spawnCli(['--port', '0', '--contacts', '5', '--strict-versions']);
    running.push(lenient, strict);
    const [a, b] = await Promise.all([baseUrlOf(lenient), baseUrlOf(strict)]);
    const get = (info: typeof a, version: string) => fetch(`${info.baseUrl}/users/?locationId=${info.locations[0]!.id}`, { headers: { authorization: `Bearer ${info.locations[0]!.token}`, version } });
    expect((await get(a, '2023-02-21')).status).toBe(200);
    expect((await get(a, '2019-01-01')).status).toBe(401);
    const refused = await get(b, '2023-02-21');
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { message: string[] }).message).toEqual(['Version header must be one of the following values: 2021-07-28']);
    expect((await get(b, '2021-07-28')).status).toBe(200);
  });
});
