import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { streamPost } from '../helpers/stream-post.js';

const MB = 1024 * 1024;

let stack: Stack;
let url: string;
beforeAll(async () => {
  stack = await startStack();
  url = await stack.app.start(0);
});
afterAll(async () => {
  await stack.stop();
});
beforeEach(() => stack.resetLog());

async function stillServes(): Promise<void> {
  const res = await stack.execute('{ contacts(first: 1) { nodes { id } } }');
  expect(res.errors).toBeUndefined();
}

describe('request bodies', () => {
  it('refuses a 100 MB body that declares its length with 413 before reading it, and stays up', async () => {
    const res = await streamPost(url, { totalBytes: 100 * MB, declareLength: true });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxBodyBytes: MB });
    expect(res.sent).toBeLessThan(100 * MB);
    expect(stack.upstream()).toEqual([]);
    await stillServes();
  });

  it('refuses a 100 MB chunked body with 413 once 1 MB has arrived, without reading the rest', async () => {
    const res = await streamPost(url, { totalBytes: 100 * MB, prefix: '{"query":"{ __typename }","x":"' });
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(100 * MB);
    expect(stack.upstream()).toEqual([]);
    await stillServes();
  });

  it('gives the webhook route its own, smaller limit', async () => {
    const res = await streamPost(url.replace('/graphql', '/webhooks/ghl'), { totalBytes: 2 * MB });
    expect(res.status).toBe(413);
    expect(stack.upstream()).toEqual([]);
  });
});

/** `contacts { nodes { opportunities { contact { opportunities { … } } } } }`, `levels` times. */
const nesting = (levels: number, first: number) =>
  `{ contacts(first: ${first}) { nodes { id ${'opportunities { contact { '.repeat(levels)} id ${'} } '.repeat(levels)} } } }`;

describe('document limits', () => {
  it.each([10, 20])('refuses opportunities ↔ contact nested %i levels deep with QUERY_TOO_COMPLEX, before any upstream call', async (levels) => {
    const res = await stack.execute(nesting(levels, 10));
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth', max: 12 });
    expect(stack.upstream()).toEqual([]);
    await stillServes();
  });

  it('refuses a shallow nesting whose lists multiply, by its worst case, with the estimate and the limit', async () => {
    const res = await stack.execute(nesting(2, 10));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      estimate: { upstreamCalls: expect.any(Number), resultObjects: expect.any(Number) },
      limit: { upstreamCalls: 200, resultObjects: 5000 },
    });
    const { estimate } = res.errors![0]!.extensions as { estimate: { upstreamCalls: number; resultObjects: number } };
    expect(estimate.upstreamCalls > 200 || estimate.resultObjects > 5000).toBe(true);
    expect(res.extensions?.['cost']).toMatchObject({ requestedQueryCost: estimate.upstreamCalls, upstreamCalls: 0 });
    expect(stack.upstream()).toEqual([]);
  });

  it('refuses fragments that spread fragments twice, 30 levels (2^30 reads), by cost, without expanding them', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Contact { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const res = await stack.execute(`{ contacts(first: 1) { nodes { ...F0 } } }\n${fragments}\nfragment F30 on Contact { tasks { id } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', estimate: { upstreamCalls: 1 + 2 ** 30 } });
    expect(stack.upstream()).toEqual([]);
  });

  it('refuses 500 aliases of contact(id:) without spending any budget', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `c${i}: contact(id: "id${i}") { id }`).join(' ');
    const res = await stack.execute(`{ ${aliases} }`);
    // Its 5,000 tokens already pass the token limit; 31 aliases pass the alias limit.
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens' });
    const few = Array.from({ length: 31 }, (_, i) => `c${i}: contact(id: "id${i}") { id }`).join(' ');
    expect((await stack.execute(`{ ${few} }`)).errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases', max: 30 });
    expect(stack.upstream()).toEqual([]);
    await stillServes();
  });

  it('refuses a document of too many tokens while parsing it', async () => {
    const fields = Array.from({ length: 6000 }, () => '__typename').join(' ');
    const res = await stack.execute(`{ ${fields} }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens', max: 5000 });
  });

  it('refuses a 12 MB document with 413 before parsing it', async () => {
    const filler = ' '.repeat(12 * MB);
    const res = await stack.app.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename ${filler} }` }),
    });
    expect(res.status).toBe(413);
    expect(stack.upstream()).toEqual([]);
  });

  it('lets the README example, a dashboard-like query and contacts(first: 25) with tasks, notes, appointments and business through', async () => {
    const dashboard = `query Dashboard {
      currentLocation { id name }
      contacts(first: 25) { totalCount pageInfo { hasNextPage endCursor } nodes { id name email tags business { name } tasks { title dueDate completed } notes { body dateAdded } appointments { title startTime appointmentStatus } } }
      opportunities(first: 10) { nodes { id name status monetaryValue contact { id name } pipeline { name } stage { name } } }
      conversations(first: 10) { nodes { id contact { id name } } }
    }`;
    const readme = `query NewestContacts { contacts(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id name email tags business { name } tasks { title dueDate completed } notes { body dateAdded } appointments { title startTime appointmentStatus } } } }`;
    for (const query of [readme, dashboard]) {
      const res = await stack.execute(query);
      expect(res.errors).toBeUndefined();
      expect(res.extensions?.['cost'].requestedQueryCost).toBeGreaterThanOrEqual(res.extensions?.['cost'].upstreamCalls);
    }
  });
});
