import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { SearchContactsDocument, type SearchContactsQuery, type SearchContactsQueryVariables } from '../../src/gql/graphql.js';
import { exampleOperations } from '../../src/server/graphiql.js';
import type { Simulator } from '../../src/simulator/server.js';
import { startLiveStack, updateContactInGhl, type LiveStack } from '../helpers/live-stack.js';
import { sseSubscribe, until } from '../helpers/live.js';
import { expectNoErrors, type GraphQLResponse } from '../helpers/stack.js';

/**
 * Every example operation that GraphiQL opens with (`schema/examples/*.graphql`) runs against the
 * simulator as shipped: queries answer without errors, the refused mutation answers with
 * `userErrors` and sends nothing to GHL, and the subscription delivers its first event over SSE
 * (through the simulator's signed webhook, so without waiting for a poll).
 */
const examples = exampleOperations();
let live: LiveStack;
let sim: Simulator;
let app: App;
let url: string;

beforeAll(async () => {
  live = await startLiveStack();
  ({ sim, app, url } = live);
});
afterAll(() => live?.stop());

async function run<T = Record<string, any>>(document: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ query: document, variables }) });
  return (await res.json()) as GraphQLResponse<T>;
}

const ofType = (type: string) => examples.filter((e) => e.operationType === type);

describe('the example operations of schema/examples', () => {
  it('include a query, a mutation and a subscription, each named once', () => {
    expect(new Set(examples.map((e) => e.operationType))).toEqual(new Set(['query', 'mutation', 'subscription']));
    expect(new Set(examples.map((e) => e.operationName)).size).toBe(examples.length);
  });

  it.each(ofType('query'))('$file answers without errors', async (example) => {
    sim.clearRequests();
    const data = expectNoErrors(await run(example.document, example.variables));
    expect(Object.values(data).every((v) => v !== null)).toBe(true);
    expect(sim.requests.length).toBeGreaterThan(0);
  });

  it.each(ofType('mutation'))('$file answers with userErrors and sends no write to GHL', async (example) => {
    sim.clearRequests();
    const data = expectNoErrors(await run<Record<string, { userErrors: unknown[] }>>(example.document, example.variables));
    expect(Object.values(data).length).toBeGreaterThan(0);
    for (const payload of Object.values(data)) expect(payload.userErrors.length).toBeGreaterThan(0);
    expect(sim.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it.each(ofType('subscription'))('$file delivers its first event', async (example) => {
    const sub = sseSubscribe(url, example.document);
    expect(await sub.opened).toBe(200);
    await until(() => app.pollers.list().some((p) => p.ready && p.subscribers > 0));
    // A change made in GHL (the simulator), which it announces with a signed webhook.
    const target = sim.store.listContacts(sim.locations[0]!.id)[0]!;
    expect(await updateContactInGhl(sim, target.id, { firstName: 'Example' })).toBe(200);
    const [first] = await sub.received.waitFor(1, 15_000);
    expect(sub.received.errors).toEqual([]);
    expect(Object.values(first as Record<string, { id: string }>)[0]).toMatchObject({ id: target.id });
    sub.stop();
  });

  it('SearchContacts, as a typed document from src/gql, pages on with its cursor', async () => {
    const page = async (variables: SearchContactsQueryVariables) => expectNoErrors(await run<SearchContactsQuery>(SearchContactsDocument.toString(), variables)).contacts;
    const first = await page({ after: null });
    expect(first.nodes).toHaveLength(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ after: first.pageInfo.endCursor });
    expect(second.nodes.length).toBeGreaterThan(0);
    const firstIds = new Set(first.nodes.map((n) => n.id));
    expect(second.nodes.filter((n) => firstIds.has(n.id))).toEqual([]);
    for (const n of [...first.nodes, ...second.nodes]) expect(n.tags).toContain('customer');
  });
});
