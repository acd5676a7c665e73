import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../../src/server/graphiql.js';
import { until } from '../helpers/live.js';

/** `npm run build && node dist/main.js`: the compiled gateway, as the container runs it, serves the README's example query. */
const root = new URL('../..', import.meta.url).pathname;
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

describe('the production build', () => {
  it('compiles to dist/ and serves the example query from the compiled code', async () => {
    // Asynchronously: a synchronous minute-long build would starve the test worker's own messages.
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: root, timeout: 280_000 });
    let out = '';
    child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: { PATH: process.env['PATH'] ?? '', PORT: '0', LOG_PRETTY: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => (out += chunk));
    await until(() => /"url":"http:\/\/127\.0\.0\.1:\d+\/graphql"/.test(out), 30_000);
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(out)![1]!;

    // The README's first example: the query GraphiQL opens with (schema/examples/).
    const example = exampleOperations()[0]!;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: example.document, operationName: example.operationName }) });
    const body = (await res.json()) as { data?: { contacts: { nodes: { id: string; tasks: unknown[] | null }[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.contacts.nodes).toHaveLength(1);
    expect(body.data!.contacts.nodes[0]!.id).toBeTruthy();
    expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 300_000);
});
