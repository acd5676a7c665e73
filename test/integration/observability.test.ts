import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger, leaksIn, simulatorSecrets } from '../helpers/log-capture.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';

/**
 * Logs and metrics after a known mix of traffic: reads (one cached), a write, a missing record,
 * a refused pass-through token, a malformed credential, GHL failing (503s until retries give up),
 * a parse error and webhooks (signed and forged). `/metrics` must count each GHL call the
 * simulator saw, by operation and status, and each GraphQL operation by outcome; the log must be
 * JSON lines with request ids, and hold no token, secret or e-mail address.
 */
const keys = webhookKeys();
const capture = capturedLogger();
let stack: Stack;
const FAKE_TOKEN = 'pit-0badc0de-0000-4000-8000-000000000000';
const NEW_EMAIL = 'observed.person@example.com';
const seenEmails: string[] = [];
const responses: { requestId: string | null; sentId?: string }[] = [];

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await stack.app.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  responses.push({ requestId: res.headers.get('x-request-id'), ...(headers['x-request-id'] ? { sentId: headers['x-request-id'] } : {}) });
  const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  for (const m of JSON.stringify(body).matchAll(/[\w.+-]+@[\w-]+\.[\w.-]+/g)) seenEmails.push(m[0]);
  return body;
}

const metricValue = (text: string, name: string, labels: Record<string, string>): number => {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => (want.length === 0 ? l.startsWith(`${name} `) : l.startsWith(`${name}{`) && want.every((w) => l.includes(w))));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
};

let metrics = '';
let locationId = '';

beforeAll(async () => {
  stack = await startStack({
    env: { GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem, GHL_RETRY_BASE_DELAY_MS: '1' },
    app: { logger: capture.logger },
  });
  locationId = stack.simulator.locations[0]!.id;
  const someContact = stack.simulator.store.listContacts(locationId)[0]!;

  const two = 'query Two { contacts(first: 2) { nodes { id name email phone } } }';
  expect((await gql(two, {}, { 'x-request-id': 'req-fixed-1' })).errors).toBeUndefined();
  expect((await gql(two)).errors).toBeUndefined(); // from the cache
  const missing = await gql('query Missing { contactNote(contactId: "nope-contact-1", id: "nope-note-1") { id } }');
  expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const created = await gql('mutation Create($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id email } userErrors { code } } }', {
    input: { firstName: 'Observed', email: NEW_EMAIL, phone: '+15555550123' },
  });
  expect(created.data?.contactCreate?.contact?.id).toBeTruthy();
  const passThrough = await gql('query Foreign { contacts(first: 1) { nodes { id } } }', {}, { authorization: `Bearer ${FAKE_TOKEN}`, 'x-location-id': locationId });
  expect(passThrough.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const malformed = await gql('query BadAuth { contacts(first: 1) { nodes { id } } }', {}, { authorization: `Basic ${FAKE_TOKEN}` });
  expect(malformed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  stack.simulator.faults.inject({ method: 'GET', route: '/contacts/{contactId}', status: 503, count: 10 });
  const down = await gql('query Down($id: ID!) { contact(id: $id) { id email } }', { id: someContact.id });
  expect(down.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  stack.simulator.faults.clear();
  expect((await gql('{ contacts(first: ')).errors).toBeDefined();

  const event = webhookBody({ type: 'ContactUpdate', locationId, id: someContact.id, firstName: 'Hooked', email: someContact.email });
  const signed = await stack.app.yoga.fetch('http://gateway.test/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wh-signature': keys.signRsa(event) }, body: event });
  expect(signed.status).toBe(200);
  const forged = await stack.app.yoga.fetch('http://gateway.test/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json' }, body: event });
  expect(forged.status).toBe(401);

  metrics = await (await stack.app.yoga.fetch('http://gateway.test/metrics')).text();
});
afterAll(() => stack.stop());

describe('/metrics after a known mix of requests', () => {
  it('counts every GHL call the simulator saw, by GHL operation and status', () => {
    const seen = new Map<string, number>();
    for (const e of stack.upstream()) {
      const key = `${e.method} ${e.route}|${e.status}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.get(`POST /contacts/search|200`)).toBe(1);
    expect(seen.get(`GET /contacts/{contactId}|503`)).toBe(4); // GHL_RETRY_MAX_ATTEMPTS
    expect(seen.get(`POST /contacts/|201`)).toBe(1);
    for (const [key, count] of seen) {
      const [ghlOperation, status] = key.split('|') as [string, string];
      expect({ key, count: metricValue(metrics, 'gateway_ghl_calls_total', { ghl_operation: ghlOperation, status }) }).toEqual({ key, count });
    }
    const searches = [...seen].filter(([k]) => k.startsWith('POST /contacts/search|')).reduce((n, [, c]) => n + c, 0);
    expect(metricValue(metrics, 'gateway_ghl_call_duration_seconds_count', { ghl_operation: 'POST /contacts/search' })).toBe(searches);
  });

  it('counts GraphQL operations by name and outcome, with latency histograms', () => {
    const ops = (operation: string, type: string, outcome: string) => metricValue(metrics, 'gateway_graphql_operations_total', { operation, type, outcome });
    expect(ops('Two', 'query', 'OK')).toBe(2);
    expect(ops('Missing', 'query', 'NOT_FOUND')).toBe(1);
    expect(ops('Create', 'mutation', 'OK')).toBe(1);
    expect(ops('Foreign', 'query', 'UNAUTHENTICATED')).toBe(1);
    // Refused from its headers alone, before the document was read: its name is not known.
    expect(ops('anonymous', 'unknown', 'UNAUTHENTICATED')).toBe(1);
    expect(ops('Down', 'query', 'UPSTREAM_UNAVAILABLE')).toBe(1);
    expect(metricValue(metrics, 'gateway_graphql_operation_duration_seconds_count', { operation: 'Two', type: 'query' })).toBe(2);
  });

  it('reports cache hits, retries, webhooks by outcome, budget per location and circuit state', () => {
    expect(metricValue(metrics, 'gateway_cache_hits_total', {})).toBeGreaterThanOrEqual(1);
    expect(metricValue(metrics, 'gateway_cache_misses_total', {})).toBeGreaterThanOrEqual(1);
    expect(metricValue(metrics, 'gateway_ghl_retries_total', {})).toBe(3);
    expect(metricValue(metrics, 'gateway_webhook_events_total', { outcome: 'published' })).toBe(1);
    expect(metricValue(metrics, 'gateway_webhook_events_total', { outcome: 'refused' })).toBe(1);
    expect(metrics).toMatch(new RegExp(`gateway_rate_budget_remaining\\{location="${locationId}"\\} \\d+`));
    expect(metrics).toContain(`gateway_rate_queue_depth{location="${locationId}",priority="interactive"} 0`);
    expect(metrics).toContain(`gateway_circuit_open{location="${locationId}"} 0`);
    expect(metrics).toMatch(/gateway_cache_bytes \d+/);
  });
});

describe('logs', () => {
  it('are JSON lines with a level name, and one access line per operation carrying its request id', () => {
    const lines = capture.lines();
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(['debug', 'info', 'warn', 'error']).toContain(line['level']);
    const access = lines.filter((l) => l['msg'] === 'graphql');
    expect(access.map((l) => l['operation']?.['name'])).toEqual(['Two', 'Two', 'Missing', 'Create', 'Foreign', null, 'Down', null]);
    expect(access[5]).toMatchObject({ outcome: 'UNAUTHENTICATED', refusedBeforeParse: true, status: 401 });
    const first = access[0]!;
    expect(first).toMatchObject({ requestId: 'req-fixed-1', outcome: 'OK', upstreamCalls: 1, cacheHits: 0, operation: { type: 'query' } });
    expect(access[1]).toMatchObject({ upstreamCalls: 0, outcome: 'OK' });
    expect(typeof first['durationMs']).toBe('number');
    // Every response says its id; minted ids are UUIDs; the access line has the same id.
    expect(responses[0]!.requestId).toBe('req-fixed-1');
    for (const [i, r] of responses.entries()) {
      if (!r.sentId) expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(access[i]!['requestId']).toBe(r.requestId);
    }
    expect(access.find((l) => l['outcome'] === 'UPSTREAM_UNAVAILABLE')?.['level']).toBe('warn');
  });

  it('log expected client errors in one line, without a stack trace', () => {
    const text = capture.text();
    expect(text).not.toContain('"stack"');
    expect(text).not.toContain('    at ');
  });

  it('hold no token, secret or contact e-mail address', () => {
    expect(seenEmails.length).toBeGreaterThan(0); // the scan looks for something that was there
    const secrets = [...simulatorSecrets(stack.simulator), FAKE_TOKEN, NEW_EMAIL, ...seenEmails];
    expect(leaksIn(capture.text(), secrets)).toEqual([]);
  });
});

describe('/health and /ready', () => {
  it('answer for the process and for its ability to serve', async () => {
    expect((await stack.app.yoga.fetch('http://gateway.test/health')).status).toBe(200);
    expect((await stack.app.yoga.fetch('http://gateway.test/healthz')).status).toBe(200);
    const ready = await stack.app.yoga.fetch('http://gateway.test/ready');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { ghl: { ok: true }, installations: { ok: true, detail: '2 loaded' } } });
  });
});
