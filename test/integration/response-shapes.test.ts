import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staticCredential } from '../../src/ghl/credentials.js';
import { GhlUpstreamShapeError } from '../../src/ghl/errors.js';
import { searchContacts } from '../../src/ghl/endpoints/contacts.js';
import { reliedOnResponses } from '../../src/ghl/openapi/supplements.js';
import { operation } from '../../src/ghl/operations.js';
import { responseViolations } from '../../src/ghl/response-shapes.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/**
 * What the gateway relies on in GHL's answers to cached reads is checked before anyone believes
 * it (src/ghl/response-shapes.ts): an answer of the wrong shape (served here by a simulator fault,
 * which answers in place of the handler and so skips the simulator's own response check) is
 * refused with a typed upstream error, never cached, never retried, and its values never reach
 * the message.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { seed: { contactsPerLocation: 5 } } });
});
afterAll(() => stack.stop());
beforeEach(() => {
  stack.simulator.faults.clear();
  stack.resetLog();
});

const loc = () => stack.simulator.locations[0]!;
const CONTACT = `query($id: ID!) { contact(id: $id) { id firstName } }`;
/** A value that looks like a token, to prove the refusal does not echo the body. */
const SECRET_LOOKING = 'pit-00000000-aaaa-bbbb-cccc-leakedvalue';

describe('the checks', () => {
  it.each(Object.keys(reliedOnResponses))('%s names a GHL operation and compiles', (key) => {
    expect(responseViolations(operation(key), null)).not.toEqual([]);
  });
});

describe('a read answered with the wrong shape', () => {
  it('is refused as UPSTREAM_UNAVAILABLE, not cached: the next request asks GHL again and caches the good answer', async () => {
    const contact = stack.simulator.store.listContacts(loc().id)[0]!;
    stack.simulator.faults.add({ route: '/contacts/{contactId}' }, { kind: 'respond', status: 200, body: { contact: { id: 42, firstName: SECRET_LOOKING } } }, 1);

    const refused = await stack.execute(CONTACT, { id: contact.id });
    expect(refused.data?.['contact'] ?? null).toBeNull();
    const error = refused.errors?.[0];
    expect(error?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(error?.message).toContain('/contact/id must be string');
    expect(JSON.stringify(refused)).not.toContain(SECRET_LOOKING);
    expect(JSON.stringify(refused)).not.toContain(loc().token);
    // Refused once, not retried: the same question would get the same answer.
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /contacts/{contactId}': 1 });

    stack.resetLog();
    const good = expectNoErrors(await stack.execute<{ contact: { id: string; firstName: string | null } }>(CONTACT, { id: contact.id }));
    expect(good.contact).toEqual({ id: contact.id, firstName: contact.firstName ?? null });
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /contacts/{contactId}': 1 });

    // The good answer is cached (so the refetch above was not the cache being off).
    stack.resetLog();
    expectNoErrors(await stack.execute(CONTACT, { id: contact.id }));
    expect(stack.upstream()).toEqual([]);
  });

  it('refuses a record without its id, which the spec leaves optional but the cache keys on', async () => {
    const contact = stack.simulator.store.listContacts(loc().id)[1]!;
    stack.simulator.faults.add({ route: '/contacts/{contactId}' }, { kind: 'respond', status: 200, body: { contact: { firstName: 'Nobody' } } }, 1);
    const refused = await stack.execute(CONTACT, { id: contact.id });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toContain("must have required property 'id'");
  });

  it('refuses a search answer whose list is not a list, at the client, with a typed error', async () => {
    stack.simulator.faults.add({ route: '/contacts/search' }, { kind: 'respond', status: 200, body: { contacts: { id: 'c1' }, total: 1 } }, 1);
    const ctx = { client: stack.app.client, credential: staticCredential({ locationId: loc().id, token: loc().token, scopes: null }) };
    const error = await searchContacts(ctx, { locationId: loc().id, pageLimit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GhlUpstreamShapeError);
    expect((error as GhlUpstreamShapeError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as GhlUpstreamShapeError).status).toBe(200);
    expect((error as Error).message).toMatch(/\/contacts must be array/);
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /contacts/search': 1 });
  });

  it('lets a conforming answer through unchanged', async () => {
    const ctx = { client: stack.app.client, credential: staticCredential({ locationId: loc().id, token: loc().token, scopes: null }) };
    const result = await searchContacts(ctx, { locationId: loc().id, pageLimit: 10 });
    expect(result.contacts.map((c) => c.id).sort()).toEqual(
      stack.simulator.store
        .listContacts(loc().id)
        .map((c) => c.id)
        .sort(),
    );
  });
});
