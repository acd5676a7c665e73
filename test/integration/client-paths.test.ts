import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { GhlBadRequestError, GhlUnsafePathError } from '../../src/ghl/errors.js';
import { operation } from '../../src/ghl/operations.js';
import { buildPath } from '../../src/ghl/request-path.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

/**
 * The client's own line of defence: whatever reaches it, it never sends a request whose path names
 * another resource than the operation's template filled with the values, and it spends no budget
 * on one it refuses.
 */
let sim: Simulator;
let client: GhlClient;

beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 5 } });
  client = new GhlClient({ baseUrl: sim.baseUrl, requestTimeoutMs: 5_000 });
});
afterAll(async () => {
  await client.close();
  await sim.stop();
});
beforeEach(() => sim.clearRequests());

const deleteTask = operation('DELETE /contacts/{contactId}/tasks/{taskId}');

describe('buildPath', () => {
  it('fills the template with encoded values', () => {
    expect(buildPath(deleteTask, { contactId: 'abc', taskId: 'a/b?c#d%' })).toBe('/contacts/abc/tasks/a%2Fb%3Fc%23d%25');
    expect(buildPath(operation('GET /contacts/'), {})).toBe('/contacts/');
  });

  it.each(['.', '..'])('refuses %j, which URL parsing would collapse, naming the parameter', (value) => {
    const error = (() => {
      try {
        return buildPath(deleteTask, { contactId: 'abc', taskId: value });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GhlUnsafePathError);
    expect((error as GhlUnsafePathError).code).toBe('BAD_USER_INPUT');
    expect((error as GhlUnsafePathError).parameter).toBe('taskId');
  });

  it('refuses an empty or missing value, which would merge two segments', () => {
    expect(() => buildPath(deleteTask, { contactId: '', taskId: 't' })).toThrow(GhlUnsafePathError);
    expect(() => buildPath(deleteTask, { taskId: 't' })).toThrow(/contactId/);
  });

  it('keeps percent-encoded dots literal: `%2e%2e` is sent as `%252e%252e`, not as a parent segment', () => {
    expect(buildPath(deleteTask, { contactId: 'abc', taskId: '%2e%2e' })).toBe('/contacts/abc/tasks/%252e%252e');
  });
});

describe('the client refuses a changed path before spending budget', () => {
  it('sends nothing and records no upstream call for `..` as a task id; the contact survives', async () => {
    const loc = sim.locations[0]!;
    const credential = staticCredential({ locationId: loc.id, token: loc.token, scopes: null });
    const contact = sim.store.listContacts(loc.id)[0]!;
    const meter = { upstreamCalls: 0 };
    const error = await client.call(deleteTask, credential, { pathParams: { contactId: contact.id, taskId: '..' }, meter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GhlUnsafePathError);
    expect(sim.requests).toEqual([]);
    expect(meter.upstreamCalls).toBe(0);
    expect(client.limiter.stats(loc.id).usedInWindow).toBe(0);
    expect(client.stats.exchanges).toBe(0);
    expect(sim.store.getContact(contact.id)).toBeDefined();
  });
});

describe('upstream 414 and 431', () => {
  it.each([414, 431])('map %i to BAD_USER_INPUT, not to an unavailable upstream', async (status) => {
    const loc = sim.locations[0]!;
    const credential = staticCredential({ locationId: loc.id, token: loc.token, scopes: null });
    sim.faults.inject({ route: '/contacts/{contactId}', status });
    const contact = sim.store.listContacts(loc.id)[0]!;
    const error = await client.call(operation('GET /contacts/{contactId}'), credential, { pathParams: { contactId: contact.id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GhlBadRequestError);
    expect((error as GhlBadRequestError).code).toBe('BAD_USER_INPUT');
    expect((error as GhlBadRequestError).status).toBe(status);
    // Not retried: a request too large once is too large again.
    expect(sim.requests).toHaveLength(1);
  });
});
