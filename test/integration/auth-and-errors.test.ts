import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let live: App;
let liveKey: string;
beforeAll(async () => {
  stack = await startStack({ env: { GHL_RETRY_MAX_ATTEMPTS: '1' } });
  const loc = stack.simulator.locations[0]!;
  liveKey = 'a-gateway-api-key-for-tests';
  // Live mode against the simulator, with API keys on: anonymous callers are refused.
  live = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      GHL_MODE: 'live',
      GHL_BASE_URL: stack.simulator.baseUrl,
      GHL_LOCATION_ID: loc.id,
      GHL_PRIVATE_INTEGRATION_TOKEN: loc.token,
      GHL_RATE_BURST_MAX: '100000',
      GATEWAY_API_KEYS: `${liveKey}=${loc.id}`,
      GRAPHQL_INTROSPECTION: 'false',
    }),
  );
});
afterAll(async () => {
  await live.stop();
  await stack.stop();
});
beforeEach(() => {
  stack.resetLog();
  stack.simulator.faults.clear();
});

async function post(app: App, body: string, headers: Record<string, string> = {}) {
  const res = await app.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body });
  return { status: res.status, json: (await res.json()) as { data?: any; errors?: { message: string; path?: unknown[]; locations?: unknown[]; extensions?: Record<string, any> }[] } };
}

describe('authentication before parsing', () => {
  it('answers 401 to an unauthenticated request without parsing its document (a broken one gets 401, not a syntax error)', async () => {
    const res = await post(live, JSON.stringify({ query: '{ {{ not graphql' }));
    expect(res.status).toBe(401);
    expect(res.json.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a 12 MB document with no credentials before reading it', async () => {
    const res = await post(live, JSON.stringify({ query: `{ __typename ${' '.repeat(12 * 1024 * 1024)} }` }));
    expect(res.status).toBe(401);
    expect(stack.upstream()).toEqual([]);
  });

  it('serves the same request when it carries an API key', async () => {
    const res = await post(live, JSON.stringify({ query: '{ contacts(first: 1) { nodes { id } } }' }), { authorization: `Bearer ${liveKey}` });
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.contacts.nodes).toHaveLength(1);
  });

  it('hides field suggestions in live mode, and shows them in simulator mode', async () => {
    const query = JSON.stringify({ query: '{ contacts(first: 1) { nodez { id } } }' });
    const hidden = await post(live, query, { authorization: `Bearer ${liveKey}` });
    expect(hidden.json.errors?.[0]?.message).toBe('Cannot query field "nodez" on type "ContactConnection".');
    const shown = await post(stack.app, query);
    expect(shown.json.errors?.[0]?.message).toMatch(/Did you mean "nodes"\?/);
  });
});

describe('introspection', () => {
  it('is refused when GRAPHQL_INTROSPECTION=false, and served by default', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const off = await post(live, query, { authorization: `Bearer ${liveKey}` });
    expect(off.json.errors?.[0]?.message).toMatch(/introspection/i);
    const on = await post(stack.app, query);
    expect(on.json.data.__schema.queryType.name).toBe('Query');
  });
});

describe('honest errors', () => {
  it('answers a variable of the wrong type with BAD_USER_INPUT and the real reason', async () => {
    const res = await stack.execute('query($n: Int) { contacts(first: $n) { nodes { id } } }', { n: 'abc' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'Variable "$n" got invalid value "abc"; Int cannot represent non-integer value: "abc"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(stack.upstream()).toEqual([]);
  });

  it('answers a misspelt input field with BAD_USER_INPUT naming it, and writes nothing', async () => {
    const res = await stack.execute('mutation($i: ContactCreateInput!) { contactCreate(input: $i) { contact { id } } }', { i: { firstNam: 'Ada' } });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/Field "firstNam" is not defined by type "ContactCreateInput"/);
    expect(stack.upstream()).toEqual([]);
  });

  it('keeps the path and locations of each failing alias', async () => {
    const res = await stack.execute('{ a: contact(id: "missing-a") { id } b: contact(id: "missing-b") { id } }');
    expect(res.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['a'], 'NOT_FOUND'],
      [['b'], 'NOT_FOUND'],
    ]);
    for (const error of res.errors ?? []) expect((error as { locations?: unknown[] }).locations).toHaveLength(1);
  });

  it('keeps path and locations of a resolver\'s own coded error (a bad cursor)', async () => {
    const res = await stack.execute('{ contacts(first: 1, after: "not-a-cursor") { nodes { id } } }');
    expect(res.errors?.[0]).toMatchObject({ path: ['contacts'], locations: [{ line: 1, column: 3 }], extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('partial results', () => {
  it('a failed per-contact read costs that field, not the response', async () => {
    stack.simulator.faults.add({ method: 'GET', route: '/contacts/{contactId}/tasks' }, '503', 1);
    const res = await stack.execute<{ contacts: { nodes: { id: string; tasks: unknown[] | null }[] } }>('{ contacts(first: 5) { nodes { id tasks { id } } } }');
    const nodes = res.data!.contacts.nodes;
    expect(nodes).toHaveLength(5);
    expect(nodes.filter((n) => n.tasks === null)).toHaveLength(1);
    expect(res.errors).toHaveLength(1);
    const failed = nodes.findIndex((n) => n.tasks === null);
    expect(res.errors?.[0]).toMatchObject({ path: ['contacts', 'nodes', failed, 'tasks'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});
