import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../src/simulator/server.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';

/**
 * Property tests over what a stranger can send: documents, variables and webhook bodies. Every
 * input gets a clear answer (data, or errors with a code other than INTERNAL_SERVER_ERROR), never
 * a 5xx, and nothing is written upstream. The process answers a plain query afterwards.
 */

const keys = webhookKeys();
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem, GHL_WEBHOOK_ED25519_PUBLIC_KEY: keys.ed25519PublicPem, GHL_RETRY_MAX_ATTEMPTS: '1' } });
});
afterAll(async () => {
  await stack.stop();
});
beforeEach(() => stack.resetLog());

/** Reads are GETs and the search POSTs; anything else would change GHL. */
const isWrite = (e: RequestLogEntry) => e.method !== 'GET' && !/search|filter-by-email/.test(e.route ?? e.path);

async function postGraphQL(body: string): Promise<{ status: number; json: any }> {
  const res = await stack.app.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, json };
}

/** A clear error or a correct answer: no 5xx, no masked error, and errors say what kind they are. */
function expectClearAnswer(res: { status: number; json: any }): void {
  expect(res.status, JSON.stringify(res.json).slice(0, 500)).toBeLessThan(500);
  for (const error of res.json?.errors ?? []) {
    expect(error.extensions?.code, JSON.stringify(error)).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toBe('Unexpected error.');
  }
}

const SEEDS = [
  '{ contacts(first: 3) { nodes { id name tasks { id } business { name } } } }',
  'query Q($n: Int) { contacts(first: $n) { totalCount pageInfo { endCursor } nodes { id ...F } } } fragment F on Contact { email tags }',
  '{ opportunities(first: 2) { nodes { id contact { id opportunities { id } } stage { name } } } }',
  '{ contact(id: "abc") { id notes { body } } currentLocation { name } }',
  '{ conversations(first: 2) { nodes { id messages(first: 2) { nodes { id } } } } }',
];

/** Damages a seed: cuts, repeats, splices foreign text, or swaps a number for an arbitrary one. */
const damagedDocument = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), fc.constantFrom('cut', 'repeat', 'splice', 'number', 'nest'), fc.integer())
  .map(([seed, a, b, text, how, n]) => {
    const i = a % seed.length;
    const j = i + (b % (seed.length - i + 1));
    switch (how) {
      case 'cut':
        return seed.slice(0, i) + seed.slice(j);
      case 'repeat':
        return seed.slice(0, j) + seed.slice(i, j).repeat(1 + (b % 50)) + seed.slice(j);
      case 'splice':
        return seed.slice(0, i) + text + seed.slice(i);
      case 'number':
        return seed.replace(/\d+/, String(n));
      default:
        return `{ contacts(first: ${1 + (b % 100)}) { nodes { ${'opportunities { contact { '.repeat(1 + (a % 8))} id ${'} } '.repeat(1 + (a % 8))} } } }`;
    }
  });

describe('fuzzing', () => {
  it('answers arbitrary and damaged documents clearly, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(damagedDocument, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })), async (query) => {
        expectClearAnswer(await postGraphQL(JSON.stringify({ query })));
      }),
      { numRuns: 150 },
    );
    expect(stack.upstream().filter(isWrite)).toEqual([]);
  });

  it('answers arbitrary variables clearly, and writes nothing', async () => {
    const queries = [
      'query($n: Int, $q: String) { contacts(first: $n, query: $q) { nodes { id } } }',
      'query($id: ID!) { contact(id: $id) { id name } }',
      'query($after: String, $n: Int) { opportunities(first: $n, after: $after) { nodes { id } } }',
    ];
    const variables = fc.dictionary(fc.constantFrom('n', 'q', 'id', 'after', 'x'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queries), fc.oneof(variables, fc.jsonValue({ maxDepth: 2 })), async (query, vars) => {
        expectClearAnswer(await postGraphQL(JSON.stringify({ query, variables: vars })));
      }),
      { numRuns: 150 },
    );
    expect(stack.upstream().filter(isWrite)).toEqual([]);
  });

  it('answers arbitrary JSON bodies clearly (not a GraphQL request at all)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 100 })), async (body) => {
        expectClearAnswer(await postGraphQL(body));
      }),
      { numRuns: 100 },
    );
  });

  it('answers arbitrary webhook bodies, signed or not, with no 5xx and no write', async () => {
    const types = fc.oneof(fc.constantFrom('ContactCreate', 'ContactUpdate', 'ContactDelete', 'ContactTagUpdate', 'TaskCreate', 'NoteCreate', 'OpportunityCreate', 'AppointmentCreate', 'INSTALL', 'UNINSTALL'), fc.string({ maxLength: 12 }));
    const event = fc.record({ type: types, fields: fc.dictionary(fc.constantFrom('id', 'locationId', 'contactId', 'companyId', 'appId', 'tags', 'name'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }) });
    const body = fc.oneof(
      event.map(({ type, fields }) => ({ body: webhookBody({ ...fields, type }), signed: true })),
      fc.string({ maxLength: 200 }).map((s) => ({ body: s, signed: true })),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v), signed: false })),
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ body, signed }) => {
        const res = await stack.app.yoga.fetch('http://gateway.test/webhooks/ghl', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(signed ? { 'x-wh-signature': keys.signRsa(body) } : {}) },
          body,
        });
        expect(res.status, await res.text()).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    expect(stack.upstream().filter(isWrite)).toEqual([]);
    const after = await postGraphQL(JSON.stringify({ query: '{ contacts(first: 1) { nodes { id } } }' }));
    expect(after.json.errors).toBeUndefined();
  });

  // Found by the property above: an event type naming one of Object's own members.
  it('ignores signed events whose type names a member of Object (valueOf, constructor, __proto__)', async () => {
    for (const type of ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const body = webhookBody({ type });
      const res = await stack.app.yoga.fetch('http://gateway.test/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wh-signature': keys.signRsa(body) }, body });
      expect({ type, status: res.status, body: await res.json() }).toEqual({ type, status: 200, body: { ok: true, outcome: 'ignored' } });
    }
  });

  // Found by the property over bodies: a JSON body that is not an object (`null`, a number).
  it('answers a JSON body that is not an object with a clear 400', async () => {
    for (const body of ['null', '42', '"query"', 'true']) {
      const res = await postGraphQL(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.json.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
