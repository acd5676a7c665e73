import { once } from 'node:events';
import { verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './helpers.js';

/** The standalone simulator's webhook flags: keys on stderr, signed deliveries to --webhook-url. */

let cli: ReturnType<typeof spawnCli> | null = null;

afterEach(() => {
  cli?.signal('SIGKILL');
  cli = null;
});

describe('cli webhook flags', () => {
  it('prints both public keys on stderr, keeps the stdout line, and delivers signed events', async () => {
    let onHook: (hit: { raw: Buffer; headers: Record<string, string | string[] | undefined> }) => void = () => {};
    const hooked = new Promise<{ raw: Buffer; headers: Record<string, string | string[] | undefined> }>((resolve) => (onHook = resolve));
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200).end();
        onHook({ raw: Buffer.concat(chunks), headers: req.headers });
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      cli = spawnCli(['--port', '0', '--contacts', '5', '--webhook-url', url, '--webhook-drop-rate', '0', '--webhook-duplicate-rate', '0', '--webhook-delay-ms', '0']);
    const { child } = cli;
      let stderr = '';
      let onReady: () => void = () => {};
      const ready = new Promise<void>((resolve) => (onReady = resolve));
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('Ctrl-C to stop.')) onReady();
      });
      let info: { baseUrl: string; locations: { id: string; token: string }[] } | null = null;
      for await (const line of createInterface({ input: child.stdout! })) {
        if (line.startsWith('{')) {
          info = JSON.parse(line);
          break;
        }
      }
      expect(info, stderr).not.toBeNull();
      expect(Object.keys(info!)).toEqual(['baseUrl', 'locations']);
      await ready;
      const pems = stderr.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
      expect(pems).toHaveLength(2);
      expect(stderr).not.toMatch(/PRIVATE KEY/);
      expect(stderr).toContain(`signed POSTs to ${url}`);
      const [rsa, ed25519] = pems as [string, string];

      const loc = info!.locations[0]!;
      const res = await fetch(`${info!.baseUrl}/contacts/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${loc.token}`, version: '2021-07-28', 'content-type': 'application/json' },
        body: JSON.stringify({ locationId: loc.id, firstName: 'Cli' }),
      });
      expect(res.status).toBe(201);
      const hit = await hooked;
      expect(JSON.parse(hit.raw.toString('utf8'))).toMatchObject({ type: 'ContactCreate', locationId: loc.id, firstName: 'Cli' });
      expect(verify('sha256', hit.raw, rsa, Buffer.from(hit.headers['x-wh-signature'] as string, 'base64'))).toBe(true);
      expect(verify(null, hit.raw, ed25519, Buffer.from(hit.headers['x-ghl-signature'] as string, 'base64'))).toBe(true);

      const log = (await (await fetch(`${info!.baseUrl}/_sim/webhooks`)).json()) as { type: string }[];
      expect(log.map((d) => d.type)).toEqual(['ContactCreate']);

      const closed = once(child, 'close');
      cli.signal('SIGTERM');
      await closed;
    } finally {
      await new Promise<void>((resolve) => {
        receiver.close(() => resolve());
        receiver.closeAllConnections();
      });
    }
  });
});
