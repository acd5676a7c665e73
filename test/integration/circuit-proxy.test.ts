import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

/**
 * The circuit breaker behind a network that reorders answers. A TCP proxy between the gateway and
 * the simulator holds each connection's answer for a random time, so fast failures (resets)
 * overtake slow successes and failures arrive in clusters. With 30% of reads failing at random,
 * the breaker must never open: it measures a failure rate over a window, not a run.
 */
let sim: Simulator;
let proxy: Server;
let app: App;
const openSockets = new Set<Socket>();

/** Loopback TCP proxy: each chunk from upstream is delayed by up to `maxDelayMs` (order kept per connection). */
function startReorderingProxy(target: URL, maxDelayMs: number, seed: number): Promise<Server> {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    openSockets.add(client).add(upstream);
    let chain = Promise.resolve();
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      const delay = Math.floor(random() * maxDelayMs);
      chain = chain.then(() => new Promise<void>((resolve) => setTimeout(() => (client.writable && client.write(chunk), resolve()), delay)));
    });
    const close = () => {
      void chain.then(() => {
        client.destroy();
        upstream.destroy();
      });
    };
    upstream.on('close', close).on('error', close);
    client.on('close', () => upstream.destroy()).on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The gateway in live mode against `baseUrl`, with the default circuit settings. */
function gatewayFor(baseUrl: string): Promise<App> {
  const loc = sim.locations[0]!;
  return buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      GHL_BASE_URL: baseUrl,
      GHL_PRIVATE_INTEGRATIONS: JSON.stringify([{ locationId: loc.id, token: loc.token }]),
      GATEWAY_API_KEYS: `circuit-key=${loc.id}`,
      GHL_RATE_BURST_MAX: '100000',
      GHL_RETRY_MAX_ATTEMPTS: '10',
      GHL_RETRY_BASE_DELAY_MS: '2',
      // Generous: 200 parallel reads on a loaded machine can be slow, and a timeout is a real
      // failure to the breaker; this test is about 503s and resets.
      GHL_REQUEST_TIMEOUT_MS: '20000',
    }),
  );
}

let direct: App;

beforeAll(async () => {
  sim = await startSimulator({ strictVersions: true, seed: { contactsPerLocation: 420 }, rateLimit: { burstMax: 100_000 }, faultSeed: 3 });
  proxy = await startReorderingProxy(new URL(sim.baseUrl), 25, 9);
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  app = await gatewayFor(`http://127.0.0.1:${port}`);
  direct = await gatewayFor(sim.baseUrl);
});
afterAll(async () => {
  await app.stop();
  await direct.stop();
  for (const s of openSockets) s.destroy();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await sim.stop();
});

/** 200 reads of distinct contacts at once, with 30% of GETs failing as 503 or a reset. */
async function readUnderChaos(gateway: App, ids: string[], seed: number) {
  const loc = sim.locations[0]!;
  sim.clearRequests();
  const rule = sim.faults.chaos({ probability: 0.3, effects: ['503', 'reset'], methods: ['GET'], seed });
  const opened: string[] = [];
  try {
    const results = await Promise.all(
      ids.map(async (id) => {
        const res = await gateway.yoga.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer circuit-key' },
          body: JSON.stringify({ query: `query($id: ID!) { contact(id: $id) { id } }`, variables: { id } }),
        });
        if (gateway.client.breakers.state(loc.id) !== 'closed') opened.push(id);
        return (await res.json()) as { data?: { contact: { id: string } | null }; errors?: unknown[] };
      }),
    );
    return { results, opened, log: [...sim.requests] };
  } finally {
    sim.faults.remove(rule);
  }
}

describe('circuit breaker under 30% random faults', () => {
  it('directly: every read of a 200-query run succeeds, and the circuit never opens', async () => {
    const ids = sim.store.listContacts(sim.locations[0]!.id).slice(0, 200).map((c) => c.id);
    const { results, opened, log } = await readUnderChaos(direct, ids, 11);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.map((r) => r.data?.contact?.id)).toEqual(ids);
    expect(opened).toEqual([]);
    const failed = log.filter((r) => r.status === 503 || r.fault === 'reset').length;
    expect(failed / log.length).toBeGreaterThan(0.15); // the chaos really happened
    expect(log.filter((r) => r.status === 200)).toHaveLength(200);
    expect(direct.client.stats.retries).toBeGreaterThanOrEqual(failed);
  });

  it('behind a proxy that reorders answers: every read succeeds, and the circuit never opens', async () => {
    const ids = sim.store.listContacts(sim.locations[0]!.id).slice(200, 400).map((c) => c.id);
    const { results, opened, log } = await readUnderChaos(app, ids, 17);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.map((r) => r.data?.contact?.id)).toEqual(ids);
    expect(opened).toEqual([]);
    const failed = log.filter((r) => r.status === 503 || r.fault === 'reset').length;
    expect(failed / log.length).toBeGreaterThan(0.15);
    expect(log.filter((r) => r.status === 200 && r.route === '/contacts/{contactId}')).toHaveLength(200);
  });
});
