import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/**
 * Faults upstream: reads are retried until they succeed; a write that may have reached GHL is
 * never repeated, and its unknown outcome is reported instead of guessed.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    simulator: { seed: { contactsPerLocation: 220 }, faultSeed: 7 },
    env: { GHL_RETRY_MAX_ATTEMPTS: '10', GHL_RETRY_BASE_DELAY_MS: '2', GHL_REQUEST_TIMEOUT_MS: '1500', GHL_CIRCUIT_OPEN_MS: '150' },
  });
});
afterAll(() => stack.stop());
beforeEach(() => {
  stack.simulator.faults.clear();
  stack.resetLog();
});

const CREATE = `mutation($input: ContactCreateInput!) { contactCreate(input: $input) { contact { id } userErrors { code } } }`;
const storedWithEmail = (email: string) => stack.simulator.store.listContacts(stack.simulator.locations[0]!.id).filter((c) => c.email === email);

describe('faults upstream', () => {
  // 30% random faults, directly and behind a reordering proxy: test/integration/circuit-proxy.test.ts.
  it('creates exactly once when GHL processed a POST and then dropped the connection, and says the outcome is unknown', async () => {
    stack.simulator.faults.add({ method: 'POST', route: '/contacts/' }, 'drop-after-processing', 1);
    const email = 'dropped.once@example.com';
    const res = await stack.execute(CREATE, { input: { firstName: 'Once', email } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /contacts/': 1 });
    expect(storedWithEmail(email)).toHaveLength(1);
  });

  it('does not repeat a POST after a reset either: it cannot know the request was not processed', async () => {
    stack.simulator.faults.add({ method: 'POST', route: '/contacts/' }, 'reset', 1);
    const email = 'reset.once@example.com';
    const res = await stack.execute(CREATE, { input: { firstName: 'Reset', email } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /contacts/': 1 });
    expect(storedWithEmail(email)).toHaveLength(0);
  });

  it('retries a POST refused with 429, which GHL did not process, and creates it once', async () => {
    stack.simulator.faults.inject({ method: 'POST', route: '/contacts/', status: 429, headers: { 'X-RateLimit-Interval-Milliseconds': '20' } });
    const email = 'throttled.once@example.com';
    const res = expectNoErrors(await stack.execute<{ contactCreate: { contact: { id: string } } }>(CREATE, { input: { firstName: 'Later', email } }));
    expect(res.contactCreate.contact.id).toBeTruthy();
    expect(stack.upstream().map((r) => r.status)).toEqual([429, 201]);
    expect(storedWithEmail(email)).toHaveLength(1);
    expect(stack.app.client.limiter.stats(stack.simulator.locations[0]!.id).throttled429).toBe(1);
  });

  it('retries a read that times out', async () => {
    const id = stack.simulator.store.listContacts(stack.simulator.locations[0]!.id)[201]!.id;
    stack.simulator.faults.add({ method: 'GET', route: '/contacts/{contactId}' }, 'hang', 1);
    const res = expectNoErrors(await stack.execute<{ contact: { id: string } }>(`query($id: ID!) { contact(id: $id) { id } }`, { id }));
    expect(res.contact.id).toBe(id);
    expect(stack.upstream().filter((r) => r.route === '/contacts/{contactId}').length).toBe(2);
  });

  // Recovery (half-open probe, close on success) is shown on a fake clock in test/unit/circuit-breaker.test.ts.
  it('opens the circuit while GHL is down: calls then fail fast without reaching GHL', async () => {
    const loc = stack.simulator.locations[1]!;
    const headers = { 'x-location-id': loc.id };
    const ids = stack.simulator.store.listContacts(loc.id).map((c) => c.id);
    const rule = stack.simulator.faults.add({ method: 'GET' }, '503', Number.POSITIVE_INFINITY);
    const down = await stack.execute(`query($id: ID!) { contact(id: $id) { id } }`, { id: ids[0] }, headers);
    expect(down.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    // Keep failing until the breaker opens: then calls fail without reaching GHL.
    for (let i = 1; i < 10 && stack.app.client.breakers.state(loc.id) !== 'open'; i++) {
      await stack.execute(`query($id: ID!) { contact(id: $id) { id } }`, { id: ids[i] }, headers);
    }
    expect(stack.app.client.breakers.state(loc.id)).toBe('open');
    stack.resetLog();
    const fast = await stack.execute(`query($id: ID!) { contact(id: $id) { id } }`, { id: ids[10] }, headers);
    expect(fast.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(stack.upstream()).toHaveLength(0);
    expect(stack.app.client.breakers.state(stack.simulator.locations[0]!.id)).toBe('closed'); // other locations unaffected
    stack.simulator.faults.remove(rule);
  });
});
