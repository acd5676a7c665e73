import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/** `npm start` as a person runs it (the transpiled src/main.ts): no configuration, the embedded simulator, GraphiQL at /graphql. */
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  child = spawn(process.execPath, [inject('gatewayMain')], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${out}`)));
  });
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

describe('npm start on embedded defaults', () => {
  it('serves GraphiQL with a ready-made example query at /graphql', async () => {
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('ContactWithEverything');
  });

  it('answers queries against the in-process simulator', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ contacts(first: 2) { totalCount nodes { id name tasks { title } business { name } } } }' }),
    });
    const body = (await res.json()) as { data: { contacts: { totalCount: number; nodes: unknown[] } } };
    expect(body.data.contacts.nodes).toHaveLength(2);
    expect(body.data.contacts.totalCount).toBeGreaterThan(2);
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
