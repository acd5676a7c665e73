import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { settle, sseSubscribe, until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * SIGTERM on a busy gateway: the process as operators run it (src/main.ts transpiled, as `npm
 * start` runs it; embedded simulator with latency so a query is surely in flight). The query in
 * flight completes, a WebSocket subscriber gets a 1001 close frame, an SSE subscriber's stream
 * ends, and the process exits 0 (it exits 1 if the stop overruns its deadline, so 0 also means
 * "within the deadline").
 */
let child: ChildProcess;
let out = '';

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Waits, bounded, until the gateway's own gauge says `name` ≥ `min`. */
async function gaugeReaches(base: string, name: string, min: number): Promise<void> {
  const end = Date.now() + 20_000;
  for (;;) {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (line && Number(line.split(' ')[1]) >= min) return;
    if (Date.now() > end) throw new Error(`${name} never reached ${min}`);
    await settle(50);
  }
}

describe('graceful shutdown', () => {
  it('finishes in-flight work, closes subscribers with a close frame, and exits 0', async () => {
    child = spawn(process.execPath, [inject('gatewayMain')], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', SIMULATOR_LATENCY_MS: '1000', SHUTDOWN_DEADLINE_MS: '8000', LOG_PRETTY: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => (out += chunk));
    const exited = once(child, 'exit');
    await until(() => /"url":"http:\/\/127\.0\.0\.1:\d+\/graphql"/.test(out), 30_000);
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(out)![1]!;
    const base = url.replace(/\/graphql$/, '');

    const ws = wsClient(url);
    wsSubscribe(ws, 'subscription { contactsChanged { kind id } }');
    const sse = sseSubscribe(url, 'subscription { contactsChanged { kind id } }');
    expect(await sse.opened).toBe(200);
    await gaugeReaches(base, 'gateway_subscribers_active', 2);

    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Slow { contacts(first: 3) { nodes { id name } } }' }),
    });
    // The query and this /metrics request itself (a stream counts until its response starts).
    await gaugeReaches(base, 'gateway_http_requests_in_flight', 2);
    child.kill('SIGTERM');

    const res = await inFlight;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data?: { contacts: { nodes: unknown[] } } };
    expect(body.data?.contacts.nodes).toHaveLength(3);

    const [code] = await exited;
    expect(code).toBe(0);
    await until(() => ws.closes.length > 0 && sse.received.done);
    expect(ws.closes[0]!.code).toBe(1001);
    expect(out).toContain('"msg":"shutting down"');
    expect(out).toContain('"msg":"stopped"');
  }, 90_000);
});
