import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { GhlClient } from '../../src/ghl/client.js';
import { staticCredential } from '../../src/ghl/credentials.js';
import { GhlScopeError } from '../../src/ghl/errors.js';
import { operation } from '../../src/ghl/operations.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

/** A read-only grant is refused writes by the gateway itself: no budget spent, no upstream call. */
let sim: Simulator;
let client: GhlClient;

beforeAll(async () => {
  sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 20 } });
  client = new GhlClient({ baseUrl: sim.baseUrl, requestTimeoutMs: 5_000 });
});
afterAll(async () => {
  await client.close();
  await sim.stop();
});
beforeEach(() => sim.clearRequests());

describe('scopes at the client layer', () => {
  it('refuses a write for a contacts.readonly grant with FORBIDDEN naming the scope, and calls nothing', async () => {
    const loc = sim.locations[0]!;
    const readonly = staticCredential({ locationId: loc.id, token: loc.readonlyToken, scopes: ['contacts.readonly'] });
    const create = operation('POST /contacts/');
    const error = await client.call(create, readonly, { body: { locationId: loc.id, firstName: 'Ada' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GhlScopeError);
    expect((error as GhlScopeError).code).toBe('FORBIDDEN');
    expect((error as GhlScopeError).missingScopes).toEqual(['contacts.write']);
    expect((error as GhlScopeError).message).toContain('contacts.write');
    expect(sim.requests).toHaveLength(0);
  });

  it('takes the required scope from the catalog, so the same grant may read', async () => {
    const loc = sim.locations[0]!;
    const readonly = staticCredential({ locationId: loc.id, token: loc.readonlyToken, scopes: ['contacts.readonly'] });
    const res = await client.call<{ contacts: unknown[] }>(operation('POST /contacts/search'), readonly, { body: { locationId: loc.id, pageLimit: 2 } });
    expect(res.data.contacts).toHaveLength(2);
    expect(sim.requests).toHaveLength(1);
  });
});

describe('scopes through GraphQL', () => {
  let app: App;
  beforeAll(async () => {
    const loc = sim.locations[1]!;
    app = await buildApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        GHL_BASE_URL: sim.baseUrl,
        GHL_LOCATION_ID: loc.id,
        GHL_PRIVATE_INTEGRATION_TOKEN: loc.readonlyToken,
        GHL_PRIVATE_INTEGRATION_SCOPES: 'contacts.readonly',
        GATEWAY_ALLOW_ANONYMOUS: 'on',
      }),
    );
  });
  afterAll(() => app.stop());

  it('answers FORBIDDEN with the missing scope on the field that needs it, and never calls GHL for it', async () => {
    const res = await app.yoga.fetch('http://gw/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ contacts(first: 3) { nodes { id business { id } } } }' }),
    });
    const body = (await res.json()) as { data: { contacts: { nodes: { id: string; business: unknown }[] } } | null; errors?: { path: unknown[]; extensions: Record<string, unknown> }[] };
    const withBusiness = sim.requests.filter((r) => r.route === '/businesses/{businessId}');
    expect(withBusiness).toHaveLength(0);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['businesses.readonly'] });
    // The contacts themselves were readable with contacts.readonly.
    expect(sim.requests.filter((r) => r.route === '/contacts/search')).toHaveLength(1);
  });

  it('refuses a mutation for a contacts.readonly installation with FORBIDDEN naming contacts.write, with 0 upstream calls', async () => {
    sim.clearRequests();
    const res = await app.yoga.fetch('http://gw/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { contactCreate(input: { firstName: "Ada" }) { contact { id } userErrors { code } } }' }),
    });
    const body = (await res.json()) as { data: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['contacts.write'] });
    expect(body.errors?.[0]?.message).toContain('contacts.write');
    expect(sim.requests).toHaveLength(0);
  });
});
