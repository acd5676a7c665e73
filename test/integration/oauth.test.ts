import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';

/**
 * The gateway as a GHL marketplace app, against the simulator playing GHL's marketplace too:
 * install, token exchange, refresh single-flight, refused refresh, uninstall, agency installs.
 */
const keys = webhookKeys();
let stack: Stack;
let app: App;

beforeAll(async () => {
  stack = await startStack({ env: { GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem } });
  app = stack.app;
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const gateway = (path: string, init?: RequestInit) => app.yoga.fetch(`http://gateway.test${path}`, init as never);

/** Walks the install as a browser would: gateway → GHL's choose-location page → gateway callback. */
async function installLocation(locationId: string): Promise<Response> {
  const start = await gateway('/oauth/install', { redirect: 'manual' });
  expect(start.status).toBe(302);
  const choose = new URL(start.headers.get('location')!);
  choose.searchParams.set('locationId', locationId); // the simulator's stand-in for a person picking a location
  const chosen = await fetch(choose, { redirect: 'manual' });
  expect(chosen.status).toBe(302);
  const back = new URL(chosen.headers.get('location')!);
  return gateway(`/oauth/callback${back.search}`);
}

const SEARCH = (i: number) => `{ contacts(first: 1, query: "probe-${i}") { totalCount } }`;
const asLocation = (id: string) => ({ 'x-location-id': id });

describe('install like a marketplace app', () => {
  it('redirects to the choose-location page with client id, redirect URI and scopes', async () => {
    const res = await gateway('/oauth/install', { redirect: 'manual' });
    const url = new URL(res.headers.get('location')!);
    expect(url.pathname).toBe('/v2/oauth/chooselocation');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(stack.simulator.oauthApp.clientId);
    expect(url.searchParams.get('redirect_uri')).toMatch(/\/oauth\/callback$/);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['contacts.readonly', 'contacts.write']));
  });

  it('exchanges the code, stores the installation, and serves queries with the OAuth token', async () => {
    const loc = stack.simulator.locations[0]!;
    const res = await installLocation(loc.id);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(loc.id);
    const stored = await app.tokenStore.get(loc.id);
    expect(stored).toMatchObject({ status: 'connected', userType: 'Location', locationId: loc.id, source: 'oauth' });
    expect(stored!.scopes).toContain('contacts.readonly');
    stack.resetLog();
    expectNoErrors(await stack.execute(SEARCH(0), {}, asLocation(loc.id)));
    expect(stack.upstream().map((r) => r.tokenKind)).toEqual(['oauth']);
  });

  it('answers a bad or missing code with a clear page, not a crash', async () => {
    expect((await gateway('/oauth/callback')).status).toBe(400);
    expect((await gateway('/oauth/callback?code=not-a-code')).status).toBe(400);
  });
});

describe('token lifecycle', () => {
  it('200 concurrent requests that all find an expired token cause exactly 1 POST /oauth/token, and all succeed', async () => {
    const loc = stack.simulator.locations[0]!;
    expect(stack.simulator.oauth.expireAccessTokens({ locationId: loc.id })).toBeGreaterThan(0);
    stack.resetLog();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => stack.execute(SEARCH(1000 + i), {}, asLocation(loc.id))));
    for (const r of results) expectNoErrors(r);
    const calls = countByRoute(stack.upstream());
    expect(calls['POST /oauth/token']).toBe(1);
    // Each search was refused once with the expired token, then repeated once with the new one.
    expect(stack.upstream().filter((r) => r.route === '/contacts/search' && r.status === 200)).toHaveLength(200);
    // The rotated refresh token was stored before use: the store holds the live one.
    const stored = await app.tokenStore.get(loc.id);
    expect(stored?.status).toBe('connected');
  });

  it('turns a refused refresh into REAUTH_REQUIRED with the install URL; other locations are unaffected', async () => {
    const [a, b] = stack.simulator.locations as unknown as [{ id: string }, { id: string }];
    expect((await installLocation(b.id)).status).toBe(200);
    stack.simulator.oauth.revoke({ locationId: a.id });
    stack.resetLog();

    const first = await stack.execute(SEARCH(1), {}, asLocation(a.id));
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'REAUTH_REQUIRED' });
    expect(first.errors?.[0]?.extensions?.['installUrl']).toMatch(/\/v2\/oauth\/chooselocation\?/);
    expect(await app.tokenStore.get(a.id)).toMatchObject({ status: 'disconnected' });

    stack.resetLog();
    const again = await stack.execute(SEARCH(2), {}, asLocation(a.id));
    expect(again.errors?.[0]?.extensions?.['code']).toBe('REAUTH_REQUIRED');
    expect(stack.upstream()).toHaveLength(0); // a disconnected installation never calls GHL

    expectNoErrors(await stack.execute(SEARCH(3), {}, asLocation(b.id)));
    expect(stack.upstream().every((r) => r.locationId === b.id)).toBe(true);

    // Re-installing reconnects.
    expect((await installLocation(a.id)).status).toBe(200);
    expectNoErrors(await stack.execute(SEARCH(4), {}, asLocation(a.id)));
  });
});

describe('install and uninstall events', () => {
  const post = (body: string, headers: Record<string, string>) =>
    gateway('/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('disconnects an installation on a verified UNINSTALL, and ignores an unsigned one', async () => {
    const loc = stack.simulator.locations[1]!;
    expect((await installLocation(loc.id)).status).toBe(200);
    const event = { type: 'UNINSTALL', appId: stack.simulator.oauthApp.appId, locationId: loc.id };

    const forged = webhookBody(event);
    expect((await post(forged, { 'x-wh-signature': keys.signRsa(`${forged} `) })).status).toBe(401);
    expect((await app.tokenStore.get(loc.id))?.status).toBe('connected');

    const body = webhookBody(event);
    const res = await post(body, { 'x-wh-signature': keys.signRsa(body) });
    expect(res.status).toBe(200);
    expect((await app.tokenStore.get(loc.id))?.status).toBe('disconnected');
    const query = await stack.execute(SEARCH(5), {}, asLocation(loc.id));
    expect(query.errors?.[0]?.extensions?.['code']).toBe('REAUTH_REQUIRED');
  });

  it('mints a location token from an agency install when an INSTALL event names a location', async () => {
    const sim = stack.simulator;
    const loc = sim.locations[1]!;
    // The agency installs the app for the company (bulk install).
    const code = sim.oauth.authorize({ companyId: sim.agency.companyId, userType: 'Company', redirectUri: 'http://127.0.0.1:4000/oauth/callback' });
    expect((await gateway(`/oauth/callback?code=${code}&state=${app.oauth!.states.issue()}`)).status).toBe(200);
    expect(await app.tokenStore.get(sim.agency.companyId)).toMatchObject({ userType: 'Company', status: 'connected' });

    stack.resetLog();
    const body = webhookBody({ type: 'INSTALL', appId: sim.oauthApp.appId, companyId: sim.agency.companyId, locationId: loc.id });
    const res = await post(body, { 'x-wh-signature': keys.signRsa(body) });
    expect(await res.json()).toMatchObject({ ok: true, outcome: 'stored' });
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /oauth/locationToken': 1 });
    expect(await app.tokenStore.get(loc.id)).toMatchObject({ status: 'connected', source: 'location-token', refreshToken: null });
    expectNoErrors(await stack.execute(SEARCH(6), {}, asLocation(loc.id)));
  });
});
