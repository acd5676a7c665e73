/**
 * Per-request overhead: the nested contact query served from the gateway's warm cache (no upstream
 * call) against a bare graphql-yoga server answering the same shape and data from memory, and
 * `{ __typename }` on both. Each server runs in its own process; this process drives 10
 * connections for a fixed time and counts answers. Goal: the gateway at ≥ 0.8× the bare server.
 * Rounds alternate between the two servers and the medians are compared, since the machine is
 * shared and noisy.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { median, percentile, report, round, spawnServer } from './lib.js';

const CONNECTIONS = 10;
const ROUND_MS = 2_000;
const ROUNDS = 5;
const NESTED = `query($id: ID!) { contact(id: $id) { id name email tags business { id name } tasks { id title dueDate completed } notes { id body dateAdded } appointments { id title startTime } } }`;

interface Server {
  url: string;
  child: ChildProcess;
}

const startServer = (script: string, args: string[] = []): Promise<Server> => spawnServer(script, { args });

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

/** Drives `CONNECTIONS` requests in flight for `ROUND_MS`; answers per second and latency percentiles. */
async function drive(url: string, body: string): Promise<{ rps: number; p50: number; p99: number }> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: CONNECTIONS });
  const latencies: number[] = [];
  const end = performance.now() + ROUND_MS;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const res = await pool.request({ method: 'POST', path: target.pathname, headers: { 'content-type': 'application/json' }, body });
      const text = await res.body.text();
      if (res.statusCode !== 200 || text.includes('"errors"')) throw new Error(`bad answer ${res.statusCode}: ${text.slice(0, 300)}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const gateway = await startServer('./servers/gateway.ts');
let bare: Server | null = null;
try {
  // One contact with tasks, notes and appointments, read once to warm the gateway's cache; its
  // answer is what the bare server serves.
  const ids = (await (await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ contacts(first: 20) { nodes { id tasks { id } notes { id } } } }' }) })).json()) as {
    data: { contacts: { nodes: { id: string; tasks: unknown[]; notes: unknown[] }[] } };
  };
  const id = ids.data.contacts.nodes.find((c) => c.tasks.length > 0 && c.notes.length > 0)?.id ?? ids.data.contacts.nodes[0]!.id;
  const nestedBody = JSON.stringify({ query: NESTED, variables: { id } });
  const warm = (await (await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nestedBody })).json()) as { data: unknown };
  const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'answer.json');
  writeFileSync(file, JSON.stringify(warm.data));
  bare = await startServer('./servers/bare-yoga.ts', [file]);
  const typenameBody = JSON.stringify({ query: '{ __typename }' });

  const rounds: Record<string, { rps: number; p50: number; p99: number }[]> = { gatewayNested: [], bareNested: [], gatewayTypename: [], bareTypename: [] };
  await drive(gateway.url, nestedBody); // warm-up (JIT), not counted
  await drive(bare.url, nestedBody);
  for (let i = 0; i < ROUNDS; i++) {
    rounds.gatewayNested!.push(await drive(gateway.url, nestedBody));
    rounds.bareNested!.push(await drive(bare.url, nestedBody));
    rounds.gatewayTypename!.push(await drive(gateway.url, typenameBody));
    rounds.bareTypename!.push(await drive(bare.url, typenameBody));
  }
  const med = (name: string) => ({
    rps: round(median(rounds[name]!.map((r) => r.rps))),
    p50Ms: round(median(rounds[name]!.map((r) => r.p50)), 2),
    p99Ms: round(median(rounds[name]!.map((r) => r.p99)), 2),
  });
  const figures = { gatewayNested: med('gatewayNested'), bareNested: med('bareNested'), gatewayTypename: med('gatewayTypename'), bareTypename: med('bareTypename') };
  report('overhead', {
    connections: CONNECTIONS,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
    ...figures,
    ratio: {
      nestedGatewayOverBare: round(figures.gatewayNested.rps / figures.bareNested.rps, 2),
      // Each round's gateway figure over the bare figure right after it: drift on a shared machine cancels out.
      nestedMedianOfRoundRatios: round(median(rounds.gatewayNested!.map((g, i) => g.rps / rounds.bareNested![i]!.rps)), 2),
      typenameMedianOfRoundRatios: round(median(rounds.gatewayTypename!.map((g, i) => g.rps / rounds.bareTypename![i]!.rps)), 2),
      typenameGatewayOverBare: round(figures.gatewayTypename.rps / figures.bareTypename.rps, 2),
      goal: 0.8,
    },
  }, [
    { figure: 'Cached nested contact query, 10 connections, throughput', value: figures.gatewayNested.rps, unit: 'req/s', baseline: { name: 'bare graphql-yoga, same data from memory', value: figures.bareNested.rps }, goal: { ratioAtLeast: 0.8 }, headline: true },
    { figure: '{ __typename }, 10 connections, throughput', value: figures.gatewayTypename.rps, unit: 'req/s', baseline: { name: 'bare graphql-yoga', value: figures.bareTypename.rps } },
  ]);
} finally {
  await stopServer(gateway);
  if (bare) await stopServer(bare);
}
