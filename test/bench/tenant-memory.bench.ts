/**
 * Memory under invented tenants: 30,000 GraphQL requests, each with a fresh random
 * `x-location-id` and its own made-up token (pass-through on), against the embedded simulator.
 * Each one reaches GHL once (401) and leaves limiter state behind; the figures are the tenants
 * the limiter holds and the heap growth, which must stay flat however many tenants are invented.
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator } from '../../src/simulator/server.js';
import { report, round } from './lib.js';

const REQUESTS = 30_000;
const CONCURRENCY = 64;
const MAX_TENANTS = 10_000;

const sim = await startSimulator({ seed: { locations: 1, contactsPerLocation: 5 }, rateLimit: { burstMax: 1e9 } });
const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', GATEWAY_PASSTHROUGH: 'on', GATEWAY_MAX_TENANTS: String(MAX_TENANTS) }), { simulator: sim });
const query = JSON.stringify({ query: '{ contacts(first: 1) { totalCount } }' });
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};
const before = heap();
let next = 0;
let peakTenants = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) {
      const i = next++;
      const res = await app.yoga.fetch('http://gateway.bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer made-up-${i}`, 'x-location-id': `loc-${i}-${Math.random().toString(36).slice(2)}` },
        body: query,
      });
      await res.text();
      peakTenants = Math.max(peakTenants, app.client.limiter.keyCount);
      if (i % 1_000 === 0) sim.clearRequests();
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
report('tenant-memory', {
  requests: REQUESTS,
  maxTenants: MAX_TENANTS,
  peakTenants,
  tenantsAtEnd: app.client.limiter.keyCount,
  refusedTokensRemembered: app.client.tokenVerdicts.size,
  heapGrowthMB: round(heap() - before),
  seconds: round(seconds),
  bounded: peakTenants <= MAX_TENANTS,
});
await app.stop();
await sim.stop();
if (peakTenants > MAX_TENANTS) process.exit(1);
