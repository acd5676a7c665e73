/**
 * The foundation's speed goal: a page of 25 contacts with tasks, notes, appointments and business,
 * against a standalone simulator with 50 ms latency, completes in about two upstream round trips.
 * Baseline, in the same run: what a plain REST client does (the official SDK has no batching):
 * search, then for each contact fetch tasks, notes, appointments and business one after another.
 * Round trips are counted as (time at 50 ms − time at 0 ms) / 50 ms: the same query against a
 * second simulator with no latency measures the CPU cost of ~90 calls on this machine, which is
 * not waiting on the network.
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { median, report, round, startStandaloneSimulator } from './lib.js';

const LATENCY_MS = 50;
const RUNS = 5;
const QUERY = `{ contacts(first: 25) { nodes { id name tasks { id } notes { id } appointments { id } business { id name } } } }`;

const sim = await startStandaloneSimulator(['--latency', String(LATENCY_MS), '--burst-max', '1000000']);
const instantSim = await startStandaloneSimulator(['--latency', '0', '--burst-max', '1000000']);
const location = sim.locations[0]!;
const envFor = (s: typeof sim) => ({
  GHL_BASE_URL: s.baseUrl,
  GHL_LOCATION_ID: s.locations[0]!.id,
  GHL_PRIVATE_INTEGRATION_TOKEN: s.locations[0]!.token,
  GHL_RATE_BURST_MAX: '1000000',
  GATEWAY_ALLOW_ANONYMOUS: 'on',
  LOG_LEVEL: 'silent',
});

async function runGateway(sim: Awaited<ReturnType<typeof startStandaloneSimulator>>): Promise<{ coldMs: number; coldCalls: number; warmMs: number; warmCalls: number }> {
  // A fresh app per run: a cold cache, as for the first visitor.
  const app = await buildApp(loadConfig(envFor(sim)));
  const exec = async () => {
    const started = performance.now();
    const res = await app.yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const body = (await res.json()) as { errors?: unknown; data?: { contacts: { nodes: unknown[] } } };
    if (body.errors || body.data?.contacts.nodes.length !== 25) throw new Error(`bad result: ${JSON.stringify(body).slice(0, 500)}`);
    return performance.now() - started;
  };
  await sim.clearRequests();
  const coldMs = await exec();
  const coldCalls = (await sim.requests()).length;
  await sim.clearRequests();
  const warmMs = await exec();
  const warmCalls = (await sim.requests()).length;
  await app.stop();
  return { coldMs, coldCalls, warmMs, warmCalls };
}

async function runNaiveRest(): Promise<{ ms: number; calls: number }> {
  const headers = { authorization: `Bearer ${location.token}`, version: '2021-07-28', 'content-type': 'application/json' };
  const get = async (path: string) => (await fetch(sim.baseUrl + path, { headers })).json() as Promise<Record<string, any>>;
  await sim.clearRequests();
  const started = performance.now();
  const search = await (await fetch(`${sim.baseUrl}/contacts/search`, { method: 'POST', headers, body: JSON.stringify({ locationId: location.id, pageLimit: 25 }) })).json() as { contacts: { id: string; businessId?: string }[] };
  for (const c of search.contacts) {
    await get(`/contacts/${c.id}/tasks`);
    await get(`/contacts/${c.id}/notes`);
    await get(`/contacts/${c.id}/appointments`);
    if (c.businessId) await get(`/businesses/${c.businessId}`);
  }
  const ms = performance.now() - started;
  return { ms, calls: (await sim.requests()).length };
}

try {
  const gateway = [];
  const instant = [];
  const naive = [];
  await runGateway(sim); // warm-up: JIT and module caches, not counted
  for (let i = 0; i < RUNS; i++) {
    gateway.push(await runGateway(sim));
    instant.push(await runGateway(instantSim));
    naive.push(await runNaiveRest());
  }
  const coldMs = median(gateway.map((g) => g.coldMs));
  const cpuMs = median(instant.map((g) => g.coldMs));
  const naiveMs = median(naive.map((n) => n.ms));
  report('contact-graph', {
    latencyMs: LATENCY_MS,
    runs: RUNS,
    gateway: {
      coldMedianMs: round(coldMs),
      coldUpstreamCalls: median(gateway.map((g) => g.coldCalls)),
      sameQueryAtZeroLatencyMedianMs: round(cpuMs),
      roundTrips: round((coldMs - cpuMs) / LATENCY_MS, 2),
      warmMedianMs: round(median(gateway.map((g) => g.warmMs))),
      warmUpstreamCalls: median(gateway.map((g) => g.warmCalls)),
    },
    baselineSequentialRest: { medianMs: round(naiveMs), upstreamCalls: median(naive.map((n) => n.calls)), roundTrips: round(naiveMs / LATENCY_MS, 2) },
    ratio: { baselineOverGateway: round(naiveMs / coldMs, 1) },
  });
} finally {
  await sim.stop();
  await instantSim.stop();
}
