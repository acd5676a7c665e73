/**
 * Live data's budget goal: however many clients watch one topic, the gateway polls it once per
 * interval. Measured over graphql-ws on a real socket for 1 to 1,000 subscribers; the baseline,
 * in the same run, is what per-client polling costs (each subscriber with its own arguments, so
 * its own poller: what a gateway without sharing would do).
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator } from '../../src/simulator/server.js';
import { settle, wsClient, wsSubscribe } from '../helpers/live.js';
import { report, round } from './lib.js';

const INTERVAL_MS = 200;
const MEASURE_MS = 2_000;


const sim = await startSimulator({ seed: { contactsPerLocation: 100 }, rateLimit: { burstMax: 1_000_000 } });
const app = await buildApp(
  loadConfig({ LOG_LEVEL: 'silent', GHL_RATE_BURST_MAX: '1000000', SUBSCRIPTION_POLL_INTERVAL_MS: String(INTERVAL_MS), SUBSCRIPTION_POLL_MIN_MS: String(INTERVAL_MS) }),
  { simulator: sim },
);
const url = await app.start(0);

async function measure(subscribers: number, shared: boolean) {
  const client = wsClient(url);
  const subs = Array.from({ length: subscribers }, (_, i) =>
    // Distinct search texts give each subscriber its own poller (the unshared baseline).
    wsSubscribe(client, `subscription($q: String) { contactsChanged(query: $q) { id } }`, { q: shared ? null : `q${i}` }),
  );
  const expected = shared ? 1 : subscribers;
  const start = Date.now();
  while (app.pollers.list().length < expected || !app.pollers.list().every((p) => p.ready)) {
    if (Date.now() - start > 30_000) throw new Error('subscriptions did not start');
    await settle(20);
  }
  sim.clearRequests();
  const began = performance.now();
  await settle(MEASURE_MS);
  const calls = sim.requests.length;
  const intervals = (performance.now() - began) / INTERVAL_MS;
  for (const s of subs) s.stop();
  await client.dispose();
  while (app.pollers.list().length > 0) await settle(20);
  await settle(INTERVAL_MS);
  sim.clearRequests();
  await settle(INTERVAL_MS * 3);
  return { callsPerInterval: round(calls / intervals, 2), afterAllLeft: sim.requests.length };
}

const results: Record<string, unknown> = {};
for (const n of [1, 10, 100, 1000]) {
  const shared = await measure(n, true);
  const unshared = n <= 100 ? await measure(n, false) : null;
  results[`subscribers_${n}`] = {
    shared,
    ...(unshared ? { baselinePerClientPolling: unshared, ratio: round(unshared.callsPerInterval / Math.max(shared.callsPerInterval, 0.01), 1) } : {}),
  };
}
report('subscriptions', { intervalMs: INTERVAL_MS, measureMs: MEASURE_MS, ...results });
await app.stop();
await sim.stop();
