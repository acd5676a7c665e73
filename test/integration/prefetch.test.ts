import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { until } from '../helpers/live.js';
import type { GraphQLResponse } from '../helpers/stack.js';

/**
 * Look-ahead on the critical path: `contact(id:)` and `conversation(id:)` start the loads of the
 * children the document selects together with themselves. These tests are not timed: they show,
 * from the simulator's log, what is fetched and in which order, and that answers do not change.
 * The simulator runs on a ManualClock, so an answer held by a latency fault is held until the test
 * moves the clock, however busy the machine is.
 */
const clock = new ManualClock(Date.now());
let sim: Simulator;
let withPrefetch: App;
let withoutPrefetch: App;

beforeAll(async () => {
  sim = await startSimulator({ clock, validateResponses: true, strictVersions: true, seed: { contactsPerLocation: 40 }, rateLimit: { burstMax: 100_000 } });
  const gateway = (prefetch: 'on' | 'off') => buildApp(loadConfig({ LOG_LEVEL: 'silent', GHL_RATE_BURST_MAX: '100000', GATEWAY_PREFETCH: prefetch }), { simulator: sim });
  withPrefetch = await gateway('on');
  withoutPrefetch = await gateway('off');
});
afterAll(async () => {
  await withPrefetch.stop();
  await withoutPrefetch.stop();
  await sim.stop();
});
beforeEach(() => sim.clearRequests());

async function run(app: App, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const res = await app.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse;
  delete body.extensions; // cost figures differ by design
  return body;
}

const contactIds = () => sim.store.listContacts(sim.locations[0]!.id).map((c) => c.id);
const routes = () => sim.requests.map((r) => `${r.method} ${r.route}`).sort();

const NESTED = `query($id: ID!) {
  contact(id: $id) {
    id name
    tasks { id title }
    notes { id body }
    appointments { id title }
    opportunities { id name }
    conversations(first: 5) { nodes { id } }
  }
}`;

describe('prefetch on the critical path', () => {
  it('answers exactly as without prefetch, for nested fields, fragments, aliases and a missing contact', async () => {
    const [a, b, c] = contactIds();
    const cases: [string, Record<string, unknown>][] = [
      [NESTED, { id: a }],
      [`query($id: ID!) { contact(id: $id) { ...Parts first: tasks { id } } } fragment Parts on Contact { notes { id } appointments { id } }`, { id: b }],
      [`{ one: contact(id: "${a}") { tasks { id } } two: contact(id: "${c}") { tasks { id } notes { id } } }`, {}],
      [`{ contact(id: "no-such-contact") { id tasks { id } notes { id } } }`, {}],
    ];
    for (const [query, variables] of cases) {
      // Each gateway caches on its own, so both read the same simulator state.
      expect(await run(withPrefetch, query, variables)).toEqual(await run(withoutPrefetch, query, variables));
    }
  });

  it('starts the children together with the contact: they are answered while the contact is still held', async () => {
    const [, , , id] = contactIds();
    // Hold the contact's own answer until the clock moves; children that wait for it could not arrive before.
    const rule = sim.faults.add({ method: 'GET', route: '/contacts/{contactId}' }, { kind: 'latency', ms: 2_000 }, 1);
    const children = () => sim.requests.filter((r) => r.route === '/contacts/{contactId}/tasks' || r.route === '/contacts/{contactId}/notes');
    try {
      const answer = run(withPrefetch, `query($id: ID!) { contact(id: $id) { id tasks { id } notes { id } } }`, { id });
      await until(() => children().length === 2, 20_000);
      // The contact is still held (it is logged when answered).
      expect(sim.requests.filter((r) => r.route === '/contacts/{contactId}')).toHaveLength(0);
      await clock.advance(2_000);
      expect((await answer).errors).toBeUndefined();
    } finally {
      sim.faults.remove(rule);
    }
    expect(sim.requests.filter((r) => r.route === '/contacts/{contactId}')).toHaveLength(1);
  });

  it('without prefetch, children wait for the contact (the baseline the benchmark compares with)', async () => {
    const [, , , , id] = contactIds();
    const rule = sim.faults.add({ method: 'GET', route: '/contacts/{contactId}' }, { kind: 'latency', ms: 200 }, 1);
    try {
      const answer = run(withoutPrefetch, `query($id: ID!) { contact(id: $id) { id tasks { id } } }`, { id });
      await until(() => clock.pendingTimers > 0, 20_000); // the contact is held
      await clock.advance(200);
      expect((await answer).errors).toBeUndefined();
    } finally {
      sim.faults.remove(rule);
    }
    const contactEntry = sim.requests.find((r) => r.route === '/contacts/{contactId}')!;
    const tasks = sim.requests.find((r) => r.route === '/contacts/{contactId}/tasks')!;
    expect(Date.parse(tasks.at)).toBeGreaterThanOrEqual(Date.parse(contactEntry.at) + contactEntry.durationMs);
  });

  it('never fetches a child the document does not ask for, or that @skip / @include turn off', async () => {
    const [, , , , , id] = contactIds();
    const res = await run(
      withPrefetch,
      `query($id: ID!, $no: Boolean!, $yes: Boolean!) {
        contact(id: $id) { id tasks @skip(if: $yes) { id } notes @include(if: $no) { id } ... on Contact @skip(if: true) { appointments { id } } }
      }`,
      { id, no: false, yes: true },
    );
    expect(res.errors).toBeUndefined();
    expect(routes()).toEqual(['GET /contacts/{contactId}']);
  });

  it('for a missing contact answers NOT_FOUND and nothing else', async () => {
    const res = await run(withPrefetch, `{ contact(id: "missing-contact-1") { id tasks { id } notes { id } appointments { id } } }`);
    expect(res.data).toEqual({ contact: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions?.['code']).toBe('NOT_FOUND');
    expect(res.errors![0]!.path).toEqual(['contact']);
  });

  it('prefetches a conversation\'s messages with the conversation', async () => {
    const conversation = await firstConversationId();
    sim.clearRequests();
    const rule = sim.faults.add({ method: 'GET', route: '/conversations/{conversationId}' }, { kind: 'latency', ms: 2_000 }, 1);
    const logged = (route: string) => sim.requests.filter((r) => r.route === route);
    let res: GraphQLResponse;
    try {
      const answer = run(withPrefetch, `query($id: ID!) { conversation(id: $id) { id messages(first: 3) { nodes { id } } } }`, { id: conversation });
      // The messages are asked for while the conversation is still held (logged when answered).
      await until(() => logged('/conversations/{conversationId}/messages').length === 1, 20_000);
      expect(logged('/conversations/{conversationId}')).toHaveLength(0);
      await clock.advance(2_000);
      res = await answer;
    } finally {
      sim.faults.remove(rule);
    }
    expect(res.errors).toBeUndefined();
    expect(logged('/conversations/{conversationId}')).toHaveLength(1);
    expect(await run(withoutPrefetch, `query($id: ID!) { conversation(id: $id) { id messages(first: 3) { nodes { id } } } }`, { id: conversation })).toEqual(res);
  });
});

async function firstConversationId(): Promise<string> {
  const res = await run(withoutPrefetch, `{ conversations(first: 1) { nodes { id } } }`);
  const id = (res.data as { conversations: { nodes: { id: string }[] } }).conversations.nodes[0]?.id;
  if (!id) throw new Error('the seed has no conversation');
  return id;
}
