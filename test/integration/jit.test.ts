import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { exampleOperations } from '../../src/server/graphiql.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import type { GraphQLResponse } from '../helpers/stack.js';

/**
 * Hot queries run compiled by graphql-jit (src/server/jit.ts). The compiled executor must answer
 * exactly as graphql-js's: the same data, the same errors with the same paths, locations and
 * codes, the same `extensions.cost`, and the same calls to GHL. Two gateways share one simulator:
 * one compiles every query from its first execution, the other never compiles.
 */
let sim: Simulator;
let compiled: App;
let standard: App;

const gateway = (env: Record<string, string>) => buildApp(loadConfig({ LOG_LEVEL: 'silent', GHL_RATE_BURST_MAX: '100000', ...env }), { simulator: sim });

beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, strictVersions: true, seed: { contactsPerLocation: 40 }, rateLimit: { burstMax: 100_000 } });
  compiled = await gateway({ GATEWAY_JIT: 'on', GATEWAY_JIT_HOT_AFTER: '1' });
  standard = await gateway({ GATEWAY_JIT: 'off' });
});
afterAll(async () => {
  await compiled?.stop();
  await standard?.stop();
  await sim?.stop();
});

async function run(app: App, query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GraphQLResponse> {
  const res = await app.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  return (await res.json()) as GraphQLResponse;
}

/** The rate budget is each gateway's own (and moves with time), so it is left out of the comparison. */
function withoutBudget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBudget);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'rateBudget').map(([key, v]) => [key, withoutBudget(v)]));
}

/** Runs on the standard gateway, then on the compiling one: both answers and both GHL call lists. */
async function both(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  sim.clearRequests();
  const expected = await run(standard, query, variables, operationName);
  const expectedCalls = sim.requests.map((r) => `${r.method} ${r.route ?? r.path}`).sort();
  sim.clearRequests();
  const actual = await run(compiled, query, variables, operationName);
  const actualCalls = sim.requests.map((r) => `${r.method} ${r.route ?? r.path}`).sort();
  return { expected: withoutBudget(expected), actual: withoutBudget(actual), expectedCalls, actualCalls };
}

async function metric(app: App, name: string): Promise<number> {
  const found = await app.metrics.registry.getSingleMetric(name)?.get();
  return found?.values.reduce((sum, v) => sum + v.value, 0) ?? 0;
}

const location = () => sim.locations[0]!;
const contactIds = () => sim.store.listContacts(location().id).map((c) => c.id);

describe('compiled queries answer as the standard executor does', () => {
  it('for hand-written documents: fragments, @skip and @include, aliases, unions, variables and errors', async () => {
    const [a, b] = contactIds();
    const cases: [string, Record<string, unknown>][] = [
      [`query($id: ID!) { contact(id: $id) { id name email tags business { id name } tasks { id title dueDate completed } notes { id body dateAdded } appointments { id title startTime } } }`, { id: a }],
      [`query($id: ID!, $withNotes: Boolean!, $noTasks: Boolean!) { contact(id: $id) { ...Parts @include(if: $withNotes) tasks @skip(if: $noTasks) { id } ... on Contact @skip(if: $withNotes) { email } } } fragment Parts on Contact { notes { id } first: appointments { id } }`, { id: b, withNotes: true, noTasks: false }],
      [`query($id: ID!, $withNotes: Boolean!, $noTasks: Boolean!) { contact(id: $id) { ...Parts @include(if: $withNotes) tasks @skip(if: $noTasks) { id } ... on Contact @skip(if: $withNotes) { email } } } fragment Parts on Contact { notes { id } first: appointments { id } }`, { id: b, withNotes: false, noTasks: true }],
      [`{ one: contact(id: "${a}") { id tasks { id } } two: contact(id: "${b}") { __typename id notes { id } } }`, {}],
      [`query($first: Int) { contacts(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`, { first: 7 }],
      [`{ relations(recordId: "${a}") { nodes { id otherRecord { __typename ... on Contact { id name } ... on ObjectRecord { objectKey id } } } } }`, {}],
      // Errors: a missing record per alias, a resolver's own coded error, a bad variable.
      [`{ a: contact(id: "missing-a") { id } b: contact(id: "missing-b") { id tasks { id } } }`, {}],
      [`{ contacts(first: 1, after: "not-a-cursor") { nodes { id } } }`, {}],
      [`query($n: Int) { contacts(first: $n) { nodes { id } } }`, { n: 'abc' }],
      [`query($id: ID!) { contact(id: $id) { id } }`, {}],
      [`{ __schema { queryType { name } } __type(name: "Contact") { name kind } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const { expected, actual, expectedCalls, actualCalls } = await both(query, variables);
      expect(actual, query).toEqual(expected);
      expect(actualCalls, query).toEqual(expectedCalls);
    }
    expect(await metric(compiled, 'gateway_jit_compilations_total')).toBeGreaterThanOrEqual(cases.length - 1);
    expect(await metric(standard, 'gateway_jit_compilations_total')).toBe(0);
  });

  it('for every example query GraphiQL opens with and the dashboard\'s own query', async () => {
    const documents = new URL('../../src/dashboard/documents/', import.meta.url);
    const fragments = readdirSync(documents)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => readFileSync(new URL(f, documents), 'utf8'))
      .filter((text) => !/^\s*(query|mutation|subscription)\b/m.test(text))
      .join('\n');
    const dashboard = `${readFileSync(new URL('Dashboard.graphql', documents), 'utf8')}\n${fragments}`;
    const day = new Date();
    day.setUTCHours(0, 0, 0, 0);
    const queries = [
      ...exampleOperations()
        .filter((e) => e.operationType === 'query')
        .map((e) => ({ query: e.document, variables: Object.fromEntries(Object.keys(e.variables).map((name) => [name, /id$/i.test(name) ? contactIds()[2] : null])), name: e.operationName })),
      { query: dashboard, variables: { todayStart: day.toISOString(), todayEnd: new Date(day.getTime() + 86_400_000).toISOString() }, name: 'Dashboard' },
    ];
    expect(queries.length).toBeGreaterThanOrEqual(3);
    for (const { query, variables, name } of queries) {
      const { expected, actual, expectedCalls, actualCalls } = await both(query, variables, name);
      expect((expected as GraphQLResponse).errors, name).toBeUndefined();
      expect(actual, name).toEqual(expected);
      expect(actualCalls, name).toEqual(expectedCalls);
    }
  });
});

describe('what gets compiled', () => {
  it('a query document from its third execution on (by default), once; mutations never', async () => {
    const app = await gateway({});
    try {
      const [id] = contactIds();
      const query = `query Hot($id: ID!) { contact(id: $id) { id name } }`;
      const answers: GraphQLResponse[] = [];
      const compilations: number[] = [];
      for (let i = 0; i < 4; i++) {
        answers.push(await run(app, query, { id }));
        compilations.push(await metric(app, 'gateway_jit_compilations_total'));
      }
      expect(compilations).toEqual([0, 0, 1, 1]);
      expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
      expect(await metric(app, 'gateway_jit_documents')).toBe(1);

      const mutation = `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } userErrors { code } } }`;
      for (let i = 0; i < 3; i++) await run(app, mutation, { input: { email: 'not-an-email' } });
      expect(await metric(app, 'gateway_jit_compilations_total')).toBe(1);
    } finally {
      await app.stop();
    }
  });

  it('remembers at most GATEWAY_JIT_MAX_DOCUMENTS documents', async () => {
    const app = await gateway({ GATEWAY_JIT_MAX_DOCUMENTS: '2', GATEWAY_JIT_HOT_AFTER: '1' });
    try {
      const fields = ['id', 'name', 'email', 'phone'];
      for (const field of fields) await run(app, `{ contacts(first: 1) { nodes { ${field} } } }`);
      expect(await metric(app, 'gateway_jit_compilations_total')).toBe(fields.length);
      expect(await metric(app, 'gateway_jit_documents')).toBe(2);
    } finally {
      await app.stop();
    }
  });
});
