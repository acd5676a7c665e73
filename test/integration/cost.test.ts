import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  // A fresh stack: every query below meets a cold cache, its most expensive case.
  stack = await startStack();
});
afterAll(async () => {
  await stack.stop();
});

const QUERIES: Record<string, string> = {
  contactPage: '{ contacts(first: 25) { nodes { id tasks { id } notes { id } appointments { id } business { id } } } }',
  contactLinks: '{ contacts(first: 10) { nodes { id assignedUser { id } opportunities { id pipeline { id } stage { id } } conversations(first: 5) { nodes { id } } } } }',
  followers: '{ contacts(first: 5) { nodes { followerIds followers { id } relations(first: 5) { nodes { id } } } } }',
  opportunities: '{ opportunities(first: 20) { nodes { id contact { id tasks { id } } pipeline { name } stage { name } } } }',
  conversations: '{ conversations(first: 5) { nodes { id contact { id } messages(first: 5) { nodes { id } } } } }',
  businesses: '{ businesses(first: 5) { nodes { id contacts(first: 5) { nodes { id } } } } }',
  defaults: '{ contacts { nodes { id } } users { nodes { id } } calendars { nodes { id } } pipelines { nodes { id stages { id } } } }',
  fragments: `query { contacts(first: 3) { nodes { ...C } } a: contacts(first: 2) { nodes { ...C } } }
    fragment C on Contact { id tasks { ...T } notes { id } }
    fragment T on Task { id assignedUser { id } }`,
  variables: 'query($n: Int) { contacts(first: $n) { nodes { id tasks { id } } } }',
  location: '{ currentLocation { id customFields { id } } locations { nodes { id } } }',
};

describe('the cost estimate', () => {
  it.each(Object.entries(QUERIES))('is an upper bound of the upstream calls the simulator logs (%s)', async (_name, query) => {
    stack.resetLog();
    const res = await stack.execute(query, { n: 15 });
    expect(res.errors).toBeUndefined();
    const cost = res.extensions?.['cost'] as { requestedQueryCost: number; upstreamCalls: number; cacheHits: number };
    expect(cost.upstreamCalls).toBe(stack.upstream().length);
    expect(cost.requestedQueryCost).toBeGreaterThanOrEqual(stack.upstream().length);
  });

  it('counts 1 search + 25 × 4 per-contact reads for a page of 25 contacts with tasks, notes, appointments and business', async () => {
    const res = await stack.execute(QUERIES['contactPage']!);
    expect(res.extensions?.['cost']).toMatchObject({ requestedQueryCost: 101 });
  });

  it('refuses a worst case over the call ceiling before any call, stating estimate and limit', async () => {
    stack.resetLog();
    const res = await stack.execute('{ contacts(first: 100) { nodes { id tasks { id } notes { id } appointments { id } } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', estimate: { upstreamCalls: 301 }, limit: { upstreamCalls: 200 } });
    expect(stack.upstream()).toEqual([]);
  });

  it('costs the same document again for each page size its variables give, and by operation name', async () => {
    // One query text: Yoga hands every request the same parsed document, and the estimate of the
    // first request must not answer for the next, whose `first` differs.
    const query = 'query Page($n: Int) { contacts(first: $n) { nodes { id tasks { id } } } } query Other { contacts(first: 2) { nodes { id } } }';
    const costOf = async (variables: Record<string, unknown>, operationName = 'Page') => {
      const res = await stack.app.yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return (await res.json()) as { errors?: { extensions: Record<string, unknown> }[]; extensions?: { cost: { requestedQueryCost: number } } };
    };
    expect((await costOf({ n: 5 })).extensions?.cost.requestedQueryCost).toBe(1 + 5);
    expect((await costOf({ n: 20 })).extensions?.cost.requestedQueryCost).toBe(1 + 20);
    expect((await costOf({ n: 5 })).extensions?.cost.requestedQueryCost).toBe(1 + 5);
    expect((await costOf({}, 'Other')).extensions?.cost.requestedQueryCost).toBe(1);
    const refused = await costOf({ n: 250 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', estimate: { upstreamCalls: 251 } });
  });
});
