import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wsClient, wsSubscribe, type Received } from '../helpers/live.js';
import { gql, MACHINE_REDIS_URL, pollingReplicaEnv, renameContact, requireMachineRedis, runPrefix, startReplica, startSimulatorProcess, stopCluster, until, type Replica } from './cluster.js';

/**
 * Change streams over three gateway processes and the machine's Redis.
 *
 * A graphql-ws client follows contacts on replica A, A dies, changes happen while the client is
 * disconnected, and the client subscribes again on replica B with the last `eventId` it saw: it
 * gets what it missed from the topic's history in Redis, then live changes, each once, and not the
 * one it already had. A subscriber on C keeps the topic polled meanwhile (C takes the lease over).
 */
const INTERVAL_MS = 1_000;
const LEASE_MS = 3_000;
const prefix = runPrefix('resume');

let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;
let replicas: Replica[];

beforeAll(async () => {
  await requireMachineRedis();
  sim = await startSimulatorProcess({ seed: { contactsPerLocation: 20 }, rateLimit: { burstMax: 100_000 }, redirectUri: 'http://127.0.0.1/cb' });
  const env = pollingReplicaEnv({ sim, prefix, intervalMs: INTERVAL_MS, minIntervalMs: INTERVAL_MS, leaseMs: LEASE_MS });
  replicas = await Promise.all(['A', 'B', 'C'].map((name) => startReplica(name, env)));
}, 180_000);

afterAll(async () => {
  await stopCluster({ replicas, sim, prefix });
}, 60_000);

const SUB = `subscription($after: String) { contactsChanged(after: $after) { eventId kind id node { firstName } } }`;
type Event = { contactsChanged: { eventId: string | null; kind: string; id: string; node: { firstName: string } } };
const names = (r: Received<Event>) => r.events.map((e) => e.contactsChanged.node.firstName);

const rename = (contactId: string, firstName: string) => renameContact(sim, contactId, firstName);

describe('resuming a subscription on another replica', () => {
  it('replays what was missed after the last eventId, once each, and not what was seen', async () => {
    const ids = (await gql<{ contacts: { nodes: { id: string }[] } }>(replicas[0]!.url, `{ contacts(first: 5) { nodes { id } } }`)).data!.contacts.nodes.map((n) => n.id);
    const onA = wsClient(replicas[0]!.url);
    const onC = wsClient(replicas[2]!.url);
    const first = wsSubscribe<Event>(onA, SUB).received;
    const keeper = wsSubscribe<Event>(onC, SUB).received;

    // Event 1: a change both subscribers received (probes until both pollers have their baseline).
    let probe = 0;
    await until(async () => {
      await rename(ids[0]!, `seen-${++probe}`);
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 2));
      return names(first).includes(`seen-${probe}`) && names(keeper).includes(`seen-${probe}`);
    }, 'both subscribers to receive the same change', 60_000);
    const seen = first.events.at(-1)!.contactsChanged;
    expect(seen.eventId).toMatch(/^\d+-\d+$/);

    // A dies; two changes happen while the client has no connection.
    await replicas[0]!.proc.kill('SIGKILL');
    await rename(ids[1]!, 'missed-2');
    await rename(ids[2]!, 'missed-3');
    await until(() => names(keeper).includes('missed-2') && names(keeper).includes('missed-3'), 'the topic (now polled by C) to publish the missed changes', LEASE_MS * 10);

    // The client comes back on B with the last id it saw.
    const onB = wsClient(replicas[1]!.url);
    const resumed = wsSubscribe<Event>(onB, SUB, { after: seen.eventId }).received;
    await resumed.waitFor(2, 30_000);
    await rename(ids[3]!, 'live-4');
    await resumed.waitFor(3, 30_000);
    // A last change proves nothing else was on its way (no late duplicate before it).
    await rename(ids[4]!, 'sentinel');
    const events = await resumed.waitFor(4, 30_000);

    expect(names(resumed).slice(0, 2).sort()).toEqual(['missed-2', 'missed-3']);
    expect(names(resumed).slice(2)).toEqual(['live-4', 'sentinel']);
    expect(resumed.errors).toEqual([]);
    const eventIds = events.map((e) => e.contactsChanged.eventId!);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    // The replayed ones are the very events the keeper got live.
    const keeperIds = keeper.events.filter((e) => e.contactsChanged.node.firstName.startsWith('missed-')).map((e) => e.contactsChanged.eventId);
    expect(eventIds.slice(0, 2)).toEqual(keeperIds);

    await onB.dispose();
    await onC.dispose();
  }, 240_000);

  it('refuses an `after` that is not an event id', async () => {
    const client = wsClient(replicas[1]!.url);
    const sub = wsSubscribe<Event>(client, SUB, { after: 'yesterday' });
    await until(() => sub.received.errors.length > 0, 'the refusal', 10_000);
    expect(JSON.stringify(sub.received.errors)).toContain('BAD_USER_INPUT');
    await client.dispose();
  }, 30_000);
});
