import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsClient, wsSubscribe, type Received } from '../helpers/live.js';
import { gql, MACHINE_REDIS_URL, pollingReplicaEnv, renameContact, requireMachineRedis, runPrefix, startReplica, startSimulatorProcess, stopCluster, until, type Replica } from './cluster.js';

/**
 * Poller leases over three gateway processes: 300 subscribers of one topic cost one poll per
 * interval in all, a change found by the holder's poll reaches subscribers on the other replicas,
 * and killing the holder (SIGKILL) moves polling to another replica with no change lost or repeated.
 */
const INTERVAL_MS = 1_500;
const LEASE_MS = 3_000;
const PER_REPLICA = 100;
const prefix = runPrefix('leases');

let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;
let replicas: Replica[];
let redis: Redis;

beforeAll(async () => {
  await requireMachineRedis();
  sim = await startSimulatorProcess({ seed: { contactsPerLocation: 30 }, rateLimit: { burstMax: 100_000 }, redirectUri: 'http://127.0.0.1/cb' });
  redis = new Redis(MACHINE_REDIS_URL);
  const env = pollingReplicaEnv({ sim, prefix, intervalMs: INTERVAL_MS, minIntervalMs: 1000, leaseMs: LEASE_MS });
  replicas = await Promise.all(['A', 'B', 'C'].map((name) => startReplica(name, env)));
}, 180_000);

afterAll(async () => {
  redis?.disconnect();
  await stopCluster({ replicas, sim, prefix });
}, 60_000);

const SUB = `subscription { contactsChanged { kind id source node { id firstName } } }`;
type Event = { contactsChanged: { kind: string; id: string; source: string; node: { firstName: string } } };

async function leaseHolder(): Promise<Replica | undefined> {
  const keys = await redis.keys(`${prefix}lease:*`);
  if (keys.length !== 1) return undefined;
  const owner = await redis.get(keys[0]!);
  return replicas.find((r) => owner?.startsWith(`${r.proc.child.pid}-`));
}

const rename = (contactId: string, firstName: string) => renameContact(sim, contactId, firstName);

async function contactIds(): Promise<string[]> {
  const res = await gql<{ contacts: { nodes: { id: string }[] } }>(replicas[0]!.url, `{ contacts(first: 10) { nodes { id } } }`);
  return res.data!.contacts.nodes.map((n) => n.id);
}

const names = (r: Received<Event>) => r.events.map((e) => e.contactsChanged.node.firstName);

describe('poller leases across three replicas', () => {
  it('polls once per interval for 300 subscribers, and a dead holder hands over without losing or repeating a change', async () => {
    const ids = await contactIds();
    // C subscribes first, so C takes the lease; then A and B.
    const clients = replicas.map((r) => wsClient(r.url));
    const subs: Received<Event>[][] = [[], [], []];
    for (const i of [2, 0, 1]) {
      for (let n = 0; n < PER_REPLICA; n++) subs[i]!.push(wsSubscribe<Event>(clients[i]!, SUB).received);
      if (i === 2) await until(async () => (await leaseHolder()) === replicas[2], 'C to hold the lease');
    }
    const all = () => subs.flat();
    const survivors = () => [...subs[0]!, ...subs[1]!];

    // A probe change proves every subscriber listens (and the baseline is in).
    let probe = 0;
    await until(async () => {
      await rename(ids[0]!, `probe-${++probe}`);
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 2));
      return all().every((r) => r.events.length > 0);
    }, 'every subscriber to receive a probe', 90_000);
    // Probes sent before a subscriber's poller had its baseline may have been missed by some: align on the last one.
    const lastProbe = `probe-${probe}`;
    await until(() => all().every((r) => names(r).includes(lastProbe)), 'the last probe everywhere', 30_000);
    const base = all().map((r) => r.events.length);

    // One poll per interval in all: the simulator's log of searches, spaced by the interval.
    await sim.clear();
    await until(async () => (await sim.requests()).filter((e) => e.path === '/contacts/search').length >= 4, 'four polls');
    const polls = (await sim.requests()).filter((e) => e.path === '/contacts/search').map((e) => Date.parse(e.at));
    const gaps = polls.slice(1).map((t, i) => t - polls[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS * 0.9);

    // A change found by C's poll reaches the subscribers on A and B.
    await rename(ids[1]!, 'found-by-C');
    for (const [i, r] of all().entries()) await r.waitFor(base[i]! + 1, 30_000);
    expect(subs[0]![0]!.events.at(-1)!.contactsChanged).toMatchObject({ id: ids[1], source: 'POLL', node: { firstName: 'found-by-C' } });

    // Kill the holder; change a contact before anyone could have taken over.
    const killedAt = Date.now();
    await replicas[2]!.proc.kill('SIGKILL');
    await rename(ids[2]!, 'during-handover');
    await until(async () => {
      const h = await leaseHolder();
      return h !== undefined && h !== replicas[2];
    }, 'another replica to take the lease', LEASE_MS * 5);
    const takeoverMs = Date.now() - killedAt;
    await rename(ids[3]!, 'after-handover');
    await rename(ids[4]!, 'sentinel');
    for (const [i, r] of survivors().entries()) await r.waitFor(base[i]! + 4, 60_000);
    for (const [i, r] of survivors().entries()) {
      // Exactly these four, once each (a poll may find the two handover changes in either order).
      expect(names(r).slice(base[i]!).sort()).toEqual(['after-handover', 'during-handover', 'found-by-C', 'sentinel']);
    }
    console.log(`lease handover: new holder ${(await leaseHolder())?.name} within ${takeoverMs} ms of the kill (lease ${LEASE_MS} ms)`);
    for (const c of clients.slice(0, 2)) await c.dispose();
  }, 240_000);
});
