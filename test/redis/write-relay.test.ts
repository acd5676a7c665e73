import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsClient, wsSubscribe, type Received } from '../helpers/live.js';
import { gql, MACHINE_REDIS_URL, pollingReplicaEnv, requireMachineRedis, runPrefix, startReplica, startSimulatorProcess, stopCluster, until, type Replica } from './cluster.js';

/**
 * A write through a replica that does not poll the topic reaches the subscribers of every replica
 * at once, published by the lease holder from the write's answer, and once only.
 *
 * Polls are 10 minutes apart here, so after each poller's first listing nothing but the relayed
 * write can publish a change during the test: an event that arrives came from the relay (a poll
 * racing the relay on a loaded machine would otherwise publish it first, rightly, as POLL).
 */
const INTERVAL_MS = 600_000;
const prefix = runPrefix('relay');

let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;
let replicas: Replica[];

beforeAll(async () => {
  await requireMachineRedis();
  sim = await startSimulatorProcess({ seed: { contactsPerLocation: 20 }, rateLimit: { burstMax: 100_000 }, redirectUri: 'http://127.0.0.1/cb' });
  const env = pollingReplicaEnv({ sim, prefix, intervalMs: INTERVAL_MS, minIntervalMs: INTERVAL_MS, leaseMs: 3_000 });
  replicas = await Promise.all(['A', 'B', 'C'].map((name) => startReplica(name, env)));
}, 180_000);

afterAll(async () => {
  await stopCluster({ replicas, sim, prefix });
}, 60_000);

const UPDATE = `mutation($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id } userErrors { message } } }`;
type Event = { contactsChanged: { kind: string; id: string; source: string; node: { firstName: string } } };
const firstNames = (r: Received<Event>) => r.events.map((e) => e.contactsChanged.node.firstName);

describe('a write through a replica that does not hold the lease', () => {
  it('reaches subscribers on every replica at once, and once', async () => {
    const ids = (await gql<{ contacts: { nodes: { id: string }[] } }>(replicas[0]!.url, `{ contacts(first: 8) { nodes { id } } }`)).data!.contacts.nodes.map((n) => n.id);
    const writeOnB = async (id: string, firstName: string) => {
      const write = await gql<{ contactUpdate: { userErrors: unknown[] } }>(replicas[1]!.url, UPDATE, { input: { id, firstName } });
      expect(write.data?.contactUpdate.userErrors).toEqual([]);
    };
    // Subscribers on A and C only: B has no poller, so the lease holder is another replica.
    const clients = [wsClient(replicas[0]!.url), wsClient(replicas[2]!.url)];
    const subs = clients.map((c) => wsSubscribe<Event>(c, `subscription { contactsChanged { kind id source node { firstName } } }`).received);

    // Probes written through B until one reaches both subscribers: the holder has its lease and
    // its first listing (a probe before that may be part of the listing, and never published).
    // Each probe is given 5 s, since delivery is slower on a loaded machine, before the next.
    let probe = 0;
    await until(async () => {
      const name = `ready-${++probe}`;
      await writeOnB(ids[5]!, name);
      try {
        await until(() => subs.every((r) => firstNames(r).includes(name)), `probe ${name}`, 5_000);
        return true;
      } catch {
        return false;
      }
    }, 'both subscribers to receive a probe', 120_000).catch(async (err: Error) => {
      // What the replicas said above info (Redis links, leases), their pollers, and the calls GHL
      // saw, to tell why no probe arrived.
      const metric = async (r: Replica, name: string) => (await (await fetch(`${r.origin}/metrics`)).text()).split('\n').find((l) => l.startsWith(`${name} `));
      const logs = await Promise.all(
        replicas.map(async (r) => `${r.name}: ${await metric(r, 'gateway_pollers_active')} ${await metric(r, 'gateway_subscribers_active')} ${JSON.stringify(r.proc.logLines().filter((l) => Number(l['level']) >= 40).slice(-10))}\n${r.proc.stderr().slice(-2000)}`),
      );
      const calls = (await sim.requests()).map((q) => `${q.method} ${q.route ?? ''} ${q.status}`);
      const seen = subs.map((r) => JSON.stringify({ events: r.events.slice(-5), errors: r.errors }));
      // The run's keys: who holds the lease, and how many changes the holder committed.
      const redis = new Redis(MACHINE_REDIS_URL);
      const keys = (await redis.keys(`${prefix}*`)).filter((k) => !k.startsWith(`${prefix}rate:`));
      const topicChannel = keys.find((k) => k.startsWith(`${prefix}pollstate:`))?.replace(`${prefix}pollstate:`, prefix) ?? '';
      const listeners = await redis.pubsub('NUMSUB', `${prefix}ingest`, topicChannel);
      const described = await Promise.all(
        keys.map(async (k) => {
          const type = await redis.type(k);
          return `${k.slice(prefix.length)} ${type} ${type === 'string' ? (await redis.get(k))?.slice(0, 80) : type === 'stream' ? await redis.xlen(k) : ''}`;
        }),
      );
      redis.disconnect();
      seen.push(`replica pids A ${replicas[0]!.proc.child.pid} B ${replicas[1]!.proc.child.pid} C ${replicas[2]!.proc.child.pid}; listeners ${JSON.stringify(listeners)}; keys: ${JSON.stringify(described)}`);
      throw new Error(`${err.message}\n${seen.join('\n')}\n${logs.join('\n')}\nGHL calls: ${JSON.stringify(calls.filter((c) => !c.startsWith('PUT')).slice(-20))} (${calls.length} in all)`);
    });
    // One publisher, in order: every earlier probe that was published has arrived before this one.
    const base = subs.map((r) => r.events.length);

    await writeOnB(ids[6]!, 'written-on-B');
    for (const [i, r] of subs.entries()) {
      const events = await r.waitFor(base[i]! + 1, 30_000);
      expect(events[base[i]!]!.contactsChanged).toMatchObject({ kind: 'UPDATED', id: ids[6], source: 'MUTATION', node: { firstName: 'written-on-B' } });
    }
    // A second write proves nothing else was on its way for the first (one publisher, in order).
    await writeOnB(ids[7]!, 'sentinel-after-write');
    for (const [i, r] of subs.entries()) await r.waitFor(base[i]! + 2, 30_000);
    for (const [i, r] of subs.entries()) expect(firstNames(r).slice(base[i]!)).toEqual(['written-on-B', 'sentinel-after-write']);
    for (const c of clients) await c.dispose();
  }, 180_000);
});
