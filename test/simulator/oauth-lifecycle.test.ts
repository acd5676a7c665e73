import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { validateResponse } from '../../src/simulator/openapi.js';
import { startSimulator, type Simulator, type SimulatorOptions, type UninstallEvent } from '../../src/simulator/server.js';
import { call, type CallResult } from './helpers.js';

/**
 * The OAuth lifecycle as a Marketplace app sees it, over real HTTP: consent (programmatic and the
 * choose-location page), code exchange for both user types, refresh rotation, expiry on a
 * ManualClock, forced expiry, revocation, uninstall, agency → location tokens and installed
 * locations. Every 200 is checked against the spec's response schema.
 */

const ACCESS_TTL_MS = 60_000;
const REFRESH_TTL_MS = 3_600_000;
const EXPIRED = { statusCode: 401, message: 'Invalid JWT: token expired', error: 'Unauthorized' };
const INVALID = { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' };

const running: Simulator[] = [];
/** Every secret the tests saw, to prove none reaches the request log. */
const secrets = new Set<string>();

async function start(opts: SimulatorOptions = {}): Promise<{ sim: Simulator; clock: ManualClock }> {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const sim = await startSimulator({ clock, validateResponses: true, seed: { locations: 3, contactsPerLocation: 4 }, oauth: { accessTokenTtlMs: ACCESS_TTL_MS, refreshTokenTtlMs: REFRESH_TTL_MS }, ...opts });
  running.push(sim);
  secrets.add(sim.oauthApp.clientSecret).add(sim.agency.accessToken).add(sim.agency.refreshToken);
  for (const l of sim.locations) secrets.add(l.token).add(l.readonlyToken);
  return { sim, clock };
}

afterEach(() => {
  // Every simulator of the file: the log must hold none of the secrets seen so far.
  for (const sim of running) {
    const text = JSON.stringify(sim.requests);
    for (const s of secrets) expect(text.includes(s), 'a secret reached the request log').toBe(false);
  }
});
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
});

function tokenCall(sim: Simulator, form: Record<string, string>): Promise<CallResult> {
  return call(sim, 'POST', '/oauth/token', { token: null, version: null, form: { client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, ...form } });
}

/** A successful token response, checked against `GetAccessCodeSuccessfulResponseDto`. */
async function exchange(sim: Simulator, form: Record<string, string>): Promise<Record<string, any>> {
  const res = await tokenCall(sim, form);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(validateResponse('POST', '/oauth/token', 200, res.body)).toEqual([]);
  secrets.add(res.body.access_token).add(res.body.refresh_token);
  if (form['code']) secrets.add(form['code']);
  return res.body;
}

function authorize(sim: Simulator, opts: Parameters<Simulator['oauth']['authorize']>[0]): string {
  const code = sim.oauth.authorize(opts);
  secrets.add(code);
  return code;
}

const contactOf = (sim: Simulator, i: number): string => sim.store.listContacts(sim.locations[i]!.id)[0]!.id;
const getContact = (sim: Simulator, token: string, i = 0) => call(sim, 'GET', `/contacts/${contactOf(sim, i)}`, { token });
const installed = (sim: Simulator, token = sim.agency.accessToken, query: Record<string, string | boolean> = {}) =>
  call(sim, 'GET', '/oauth/installedLocations', { token, query: { companyId: sim.agency.companyId, appId: sim.oauthApp.appId, ...query } });

describe('code exchange', () => {
  it('gives a Location token for a location consent; the code works once', async () => {
    const { sim } = await start();
    const loc = sim.locations[1]!;
    const code = authorize(sim, { userType: 'Location', locationId: loc.id, scopes: ['contacts.readonly', 'contacts.write'], redirectUri: 'https://app.example/cb' });
    const body = await exchange(sim, { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example/cb', user_type: 'Location' });
    expect(body).toEqual({
      access_token: expect.stringMatching(/^sim-at-/),
      token_type: 'Bearer',
      expires_in: 60,
      refresh_token: expect.stringMatching(/^sim-rt-/),
      scope: 'contacts.readonly contacts.write',
      userType: 'Location',
      locationId: loc.id,
      companyId: sim.agency.companyId,
      userId: expect.any(String),
      isBulkInstallation: false,
    });
    expect((await getContact(sim, body.access_token, 1)).status).toBe(200);
    // Its location only, and only its scopes.
    expect((await getContact(sim, body.access_token, 0)).status).toBe(403);
    expect((await call(sim, 'GET', '/businesses/', { token: body.access_token, query: { locationId: loc.id } })).status).toBe(401);

    const again = await tokenCall(sim, { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example/cb' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ statusCode: 400, message: 'invalid_grant: authorization code is invalid', error: 'Bad Request' });
  });

  it('gives a Company token for an agency consent, with the approved locations and no locationId', async () => {
    const { sim } = await start();
    const code = authorize(sim, { userType: 'Company' });
    const body = await exchange(sim, { grant_type: 'authorization_code', code, user_type: 'Company' });
    expect(body).toMatchObject({ userType: 'Company', companyId: sim.agency.companyId, expires_in: 60, token_type: 'Bearer', isBulkInstallation: true, approveAllLocations: true });
    expect(body).not.toHaveProperty('locationId');
    expect([...body.approvedLocations].sort()).toEqual(sim.locations.map((l) => l.id).sort());
    expect(body.scope.split(' ')).toEqual(expect.arrayContaining(['oauth.readonly', 'oauth.write', 'contacts.readonly']));

    expect((await installed(sim, body.access_token)).status).toBe(200);
    // A Company token cannot call Sub-Account routes.
    const refused = await getContact(sim, body.access_token);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/needs a Sub-Account \(Location\) access token/);
  });

  it('refuses a code whose user_type or redirect_uri does not match, and client_credentials', async () => {
    const { sim } = await start();
    const company = authorize(sim, { userType: 'Company' });
    const wrongType = await tokenCall(sim, { grant_type: 'authorization_code', code: company, user_type: 'Location' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toBe('invalid_grant: user_type Location does not match the grant (Company)');

    const withRedirect = authorize(sim, { userType: 'Location', redirectUri: 'https://app.example/cb' });
    expect((await tokenCall(sim, { grant_type: 'authorization_code', code: withRedirect })).body.message).toBe('invalid_grant: redirect_uri does not match');

    const cc = await tokenCall(sim, { grant_type: 'client_credentials' });
    expect(cc.status).toBe(400);
    expect(cc.body.message).toMatch(/^unsupported_grant_type/);
    expect(validateResponse('POST', '/oauth/token', 400, cc.body)).toEqual([]);

    expect(() => sim.oauth.authorize({ userType: 'Location', scopes: ['oauth.write'] })).toThrow(/cannot hold oauth.write/);
  });
});

describe('refresh and expiry', () => {
  it('rotates refresh tokens: the used one is dead, the new one works, the old access token lives until it expires', async () => {
    const { sim, clock } = await start();
    const first = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location' }) });
    const second = await exchange(sim, { grant_type: 'refresh_token', refresh_token: first.refresh_token, user_type: 'Location' });
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);

    const reused = await tokenCall(sim, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ statusCode: 400, message: 'invalid_grant: refresh token has already been used', error: 'Bad Request' });
    expect(validateResponse('POST', '/oauth/token', 400, reused.body)).toEqual([]);

    expect((await getContact(sim, first.access_token)).status).toBe(200);
    expect((await getContact(sim, second.access_token)).status).toBe(200);

    await clock.advance(ACCESS_TTL_MS - 1);
    expect((await getContact(sim, first.access_token)).status).toBe(200);
    await clock.advance(1);
    const expired = await getContact(sim, first.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(EXPIRED);
    expect(validateResponse('GET', '/contacts/{contactId}', 401, expired.body)).toEqual([]);
    // No rate-limit headers: the token never authenticated.
    expect(expired.headers.get('x-ratelimit-remaining')).toBeNull();
    expect((await getContact(sim, 'sim-at-unknown')).body).toEqual(INVALID);

    // The expired pair's refresh token still works, and it rotates again.
    const third = await exchange(sim, { grant_type: 'refresh_token', refresh_token: second.refresh_token });
    expect((await getContact(sim, third.access_token)).status).toBe(200);

    await clock.advance(REFRESH_TTL_MS);
    const late = await tokenCall(sim, { grant_type: 'refresh_token', refresh_token: third.refresh_token });
    expect(late.body.message).toBe('invalid_grant: refresh token expired');
  });

  it('refreshes Company tokens too', async () => {
    const { sim } = await start();
    const body = await exchange(sim, { grant_type: 'refresh_token', refresh_token: sim.agency.refreshToken, user_type: 'Company' });
    expect(body).toMatchObject({ userType: 'Company', companyId: sim.agency.companyId });
    expect((await installed(sim, body.access_token)).status).toBe(200);
    expect((await tokenCall(sim, { grant_type: 'refresh_token', refresh_token: sim.agency.refreshToken })).status).toBe(400);
  });

  it('expireAccessTokens makes the target’s access tokens expired now, and no others', async () => {
    const { sim } = await start();
    const a = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location', locationId: sim.locations[0]!.id }) });
    const b = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location', locationId: sim.locations[1]!.id }) });
    expect(sim.oauth.expireAccessTokens({ locationId: sim.locations[0]!.id })).toBe(1);
    expect((await getContact(sim, a.access_token, 0)).body).toEqual(EXPIRED);
    expect((await getContact(sim, b.access_token, 1)).status).toBe(200);
    expect((await installed(sim)).status).toBe(200);
    expect((await getContact(sim, sim.locations[0]!.token, 0)).status).toBe(200);
    // The refresh token is untouched.
    const renewed = await exchange(sim, { grant_type: 'refresh_token', refresh_token: a.refresh_token });
    expect((await getContact(sim, renewed.access_token, 0)).status).toBe(200);

    // Without a target: every OAuth access token, agency included; private integration tokens never expire.
    expect(sim.oauth.expireAccessTokens()).toBeGreaterThanOrEqual(3);
    expect((await installed(sim)).body).toEqual(EXPIRED);
    expect((await getContact(sim, b.access_token, 1)).body).toEqual(EXPIRED);
    expect((await getContact(sim, sim.locations[1]!.token, 1)).status).toBe(200);
  });
});

describe('revocation and uninstall', () => {
  it('revoke({locationId}) kills that location’s access and refresh tokens at once; the install stays', async () => {
    const { sim } = await start();
    const loc = sim.locations[0]!;
    const t = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location', locationId: loc.id }) });
    const minted = await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { companyId: sim.agency.companyId, locationId: loc.id } });
    secrets.add(minted.body.access_token);
    const pending = authorize(sim, { userType: 'Location', locationId: loc.id });

    expect(sim.oauth.revoke({ locationId: loc.id })).toEqual({ accessTokens: 2, refreshTokens: 1, authorizationCodes: 1 });
    expect((await getContact(sim, t.access_token)).body).toEqual(INVALID);
    expect((await getContact(sim, minted.body.access_token)).body).toEqual(INVALID);
    const refused = await tokenCall(sim, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('invalid_grant: refresh token was revoked');
    expect((await tokenCall(sim, { grant_type: 'authorization_code', code: pending })).status).toBe(400);

    // Other credentials live on; the app is still installed, so a new consent works.
    expect((await installed(sim, sim.agency.accessToken, { locationId: loc.id })).body.locations[0].isInstalled).toBe(true);
    expect((await getContact(sim, loc.token)).status).toBe(200);
    const again = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location', locationId: loc.id }) });
    expect((await getContact(sim, again.access_token)).status).toBe(200);
  });

  it('uninstall({locationId}) revokes, removes the install and tells the onUninstall listeners', async () => {
    const { sim } = await start();
    const loc = sim.locations[2]!;
    const events: UninstallEvent[] = [];
    const off = sim.oauth.onUninstall((e) => events.push(e));
    const t = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location', locationId: loc.id }) });

    expect(sim.oauth.uninstall({ locationId: loc.id }).accessTokens).toBe(1);
    expect(events).toEqual([{ appId: sim.oauthApp.appId, clientId: sim.oauthApp.clientId, companyId: sim.agency.companyId, locationId: loc.id, at: '2026-01-01T00:00:00.000Z' }]);
    expect((await getContact(sim, t.access_token, 2)).status).toBe(401);
    expect((await tokenCall(sim, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).body.message).toMatch(/invalid_grant/);

    const list = await installed(sim, sim.agency.accessToken, { locationId: loc.id });
    expect(list.body.locations).toEqual([{ _id: loc.id, name: loc.name, address: expect.any(String), isInstalled: false }]);
    const mint = await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { companyId: sim.agency.companyId, locationId: loc.id } });
    expect(mint.status).toBe(400);
    expect(mint.body.message).toBe('The app is not installed on this location');
    // The agency's next token no longer approves it.
    const refreshed = await exchange(sim, { grant_type: 'refresh_token', refresh_token: sim.agency.refreshToken });
    expect(refreshed.approvedLocations).not.toContain(loc.id);
    expect(refreshed.approveAllLocations).toBe(false);

    off();
    sim.oauth.uninstall({ locationId: sim.locations[1]!.id });
    expect(events).toHaveLength(1);
  });

  it('uninstall({companyId}) kills the agency token, its refresh token and the location tokens it minted', async () => {
    const { sim } = await start();
    const events: UninstallEvent[] = [];
    sim.oauth.onUninstall((e) => events.push(e));
    const minted = await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { companyId: sim.agency.companyId, locationId: sim.locations[0]!.id } });
    expect(minted.status).toBe(200);
    secrets.add(minted.body.access_token);

    sim.oauth.uninstall({ companyId: sim.agency.companyId });
    expect(events).toEqual([{ appId: sim.oauthApp.appId, clientId: sim.oauthApp.clientId, companyId: sim.agency.companyId, at: expect.any(String) }]);
    expect((await installed(sim)).body).toEqual(INVALID);
    expect((await getContact(sim, minted.body.access_token)).body).toEqual(INVALID);
    const refused = await tokenCall(sim, { grant_type: 'refresh_token', refresh_token: sim.agency.refreshToken });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/invalid_grant/);
    // Private integration tokens are no OAuth grant.
    expect((await getContact(sim, sim.locations[0]!.token)).status).toBe(200);

    // A new agency consent installs the app again on every location.
    const back = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Company' }) });
    const list = await installed(sim, back.access_token);
    expect(list.body.locations.map((l: { isInstalled: boolean }) => l.isInstalled)).toEqual([true, true, true]);
  });

  it('refuses unknown targets', async () => {
    const { sim } = await start();
    expect(() => sim.oauth.revoke({})).toThrow(/locationId or a companyId/);
    expect(() => sim.oauth.uninstall({ locationId: 'nope' })).toThrow(/Unknown location/);
    expect(() => sim.oauth.revoke({ companyId: 'nope' })).toThrow(/Unknown company/);
  });
});

describe('agency endpoints', () => {
  it('POST /oauth/locationToken mints a Location token (no refresh token) from the agency token', async () => {
    const { sim } = await start();
    const loc = sim.locations[1]!;
    const res = await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { companyId: sim.agency.companyId, locationId: loc.id } });
    expect(res.status).toBe(200);
    secrets.add(res.body.access_token);
    expect(validateResponse('POST', '/oauth/locationToken', 200, res.body)).toEqual([]);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^sim-at-/),
      token_type: 'Bearer',
      expires_in: 60,
      scope: expect.any(String),
      locationId: loc.id,
      userId: expect.any(String),
      appId: sim.oauthApp.appId,
      versionId: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    expect(res.body.scope.split(' ')).not.toContain('oauth.write');
    expect(res.body.scope.split(' ')).toContain('contacts.write');
    expect((await getContact(sim, res.body.access_token, 1)).status).toBe(200);
    expect((await getContact(sim, res.body.access_token, 0)).status).toBe(403);
    expect(sim.requests.at(-1)).toMatchObject({ tokenKind: 'oauth', locationId: loc.id });
  });

  it('refuses location tokens, private integration tokens, foreign companies and a missing Version', async () => {
    const { sim } = await start();
    const loc = sim.locations[0]!;
    const form = { companyId: sim.agency.companyId, locationId: loc.id };
    const oauthLoc = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Location', locationId: loc.id }) });
    for (const token of [oauthLoc.access_token, loc.token]) {
      const res = await call(sim, 'POST', '/oauth/locationToken', { token, form });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'This route is not available to this token: it needs an Agency (Company) OAuth access token.', error: 'Unauthorized' });
      expect(validateResponse('POST', '/oauth/locationToken', 401, res.body)).toEqual([]);
    }
    expect((await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { ...form, companyId: 'someOtherCompany00001' } })).status).toBe(403);
    expect((await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { ...form, locationId: 'noSuchLocation000001' } })).status).toBe(400);
    const noVersion = await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, version: null, form });
    expect(noVersion.body).toEqual({ statusCode: 401, message: 'version header was not found.', error: 'Unauthorized' });
    const noBody = await call(sim, 'POST', '/oauth/locationToken', { token: sim.agency.accessToken, form: { companyId: sim.agency.companyId } });
    expect(noBody.status).toBe(422);
    // An agency token without oauth.write is refused for its scope.
    const narrow = await exchange(sim, { grant_type: 'authorization_code', code: authorize(sim, { userType: 'Company', scopes: ['oauth.readonly'] }) });
    expect((await call(sim, 'POST', '/oauth/locationToken', { token: narrow.access_token, form })).body.message).toBe('The token is not authorized for this scope.');
    expect((await installed(sim, narrow.access_token)).status).toBe(200);
  });

  it('GET /oauth/installedLocations lists the company’s locations with their install state, paged', async () => {
    const { sim } = await start();
    sim.oauth.uninstall({ locationId: sim.locations[0]!.id });
    const byName = [...sim.locations].sort((a, b) => a.name.localeCompare(b.name));

    const first = await installed(sim, sim.agency.accessToken, { skip: '0', limit: '2' });
    expect(first.status).toBe(200);
    expect(validateResponse('GET', '/oauth/installedLocations', 200, first.body)).toEqual([]);
    expect(first.body.count).toBe(3);
    expect(first.body.installToFutureLocations).toBe(false);
    const second = await installed(sim, sim.agency.accessToken, { skip: '2', limit: '2' });
    const rows = [...first.body.locations, ...second.body.locations];
    expect(first.body.locations).toHaveLength(2);
    expect(second.body.locations).toHaveLength(1);
    expect(rows.map((r) => r._id)).toEqual(byName.map((l) => l.id));
    for (const row of rows) {
      const isInstalled = row._id !== sim.locations[0]!.id;
      expect(row.isInstalled).toBe(isInstalled);
      expect(typeof row.address).toBe('string');
      if (isInstalled) expect(row).toMatchObject({ versionId: expect.any(String), installedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      else expect(row).not.toHaveProperty('installedAt');
    }

    expect((await installed(sim, sim.agency.accessToken, { isInstalled: true })).body.count).toBe(2);
    expect((await installed(sim, sim.agency.accessToken, { isInstalled: false })).body.locations.map((l: { _id: string }) => l._id)).toEqual([sim.locations[0]!.id]);
    const named = await installed(sim, sim.agency.accessToken, { query: sim.locations[1]!.name.slice(0, 6).toUpperCase() });
    expect(named.body.locations.map((l: { _id: string }) => l._id)).toEqual([sim.locations[1]!.id]);
    expect((await installed(sim, sim.agency.accessToken, { onTrial: true })).body).toEqual({ locations: [], count: 0, installToFutureLocations: false });

    // Default page size 20; paging limits; required parameters; the token's app and company only.
    expect((await installed(sim)).body.locations).toHaveLength(3);
    expect((await installed(sim, sim.agency.accessToken, { limit: '0' })).status).toBe(422);
    expect((await installed(sim, sim.agency.accessToken, { skip: 'x' })).status).toBe(422);
    expect((await call(sim, 'GET', '/oauth/installedLocations', { token: sim.agency.accessToken, query: { companyId: sim.agency.companyId } })).status).toBe(422);
    expect((await installed(sim, sim.agency.accessToken, { appId: 'ffffffffffffffffffffffff' })).status).toBe(400);
    expect((await installed(sim, sim.agency.accessToken, { companyId: 'someOtherCompany00001' })).status).toBe(403);
    expect((await installed(sim, sim.locations[1]!.token)).status).toBe(401);
  });
});

describe('choose-location page', () => {
  const page = (sim: Simulator, query: Record<string, string>, path = '/v2/oauth/chooselocation') => fetch(`${sim.baseUrl}${path}?${new URLSearchParams(query)}`, { redirect: 'manual' });

  it('redirects to redirect_uri with a working code for the first location, granting the requested scopes that exist', async () => {
    const { sim } = await start({ rateLimit: { burstMax: 1 } });
    sim.clearRequests();
    const res = await page(sim, { response_type: 'code', client_id: sim.oauthApp.clientId, redirect_uri: 'https://app.example/cb?x=1', scope: 'contacts.readonly bogus.scope contacts.write', state: 'st-1' });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe('https://app.example/cb');
    expect(target.searchParams.get('x')).toBe('1');
    expect(target.searchParams.get('state')).toBe('st-1');
    const code = target.searchParams.get('code')!;
    secrets.add(code);
    // Not a GHL call: neither logged nor rate-limited.
    expect(sim.requests).toEqual([]);

    const body = await exchange(sim, { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example/cb?x=1' });
    expect(body).toMatchObject({ userType: 'Location', locationId: sim.locations[0]!.id, scope: 'contacts.readonly contacts.write' });
    expect((await getContact(sim, body.access_token, 0)).status).toBe(200);
  });

  it('takes locationId and user_type=Company as simulator extensions, and the SDK’s path without /v2', async () => {
    const { sim } = await start();
    const loc = sim.locations[2]!;
    const res = await page(sim, { response_type: 'code', client_id: sim.oauthApp.clientId, redirect_uri: 'http://localhost:9/cb', scope: 'contacts.readonly', locationId: loc.id }, '/oauth/chooselocation');
    expect(res.status).toBe(302);
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    secrets.add(code);
    expect((await exchange(sim, { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:9/cb' })).locationId).toBe(loc.id);

    const agency = await page(sim, { response_type: 'code', client_id: sim.oauthApp.clientId, redirect_uri: 'http://localhost:9/cb', scope: 'oauth.readonly oauth.write', user_type: 'Company' });
    const agencyCode = new URL(agency.headers.get('location')!).searchParams.get('code')!;
    secrets.add(agencyCode);
    const body = await exchange(sim, { grant_type: 'authorization_code', code: agencyCode, redirect_uri: 'http://localhost:9/cb', user_type: 'Company' });
    expect(body).toMatchObject({ userType: 'Company', scope: 'oauth.readonly oauth.write' });
  });

  it('answers 400 pages for a bad client_id, a missing redirect_uri or response_type, and an unknown location', async () => {
    const { sim } = await start();
    const good = { response_type: 'code', client_id: sim.oauthApp.clientId, redirect_uri: 'https://app.example/cb', scope: 'contacts.readonly' };
    const bad: Record<string, string>[] = [
      { ...good, client_id: 'not-an-app' },
      { response_type: 'code', client_id: sim.oauthApp.clientId, scope: 'contacts.readonly' },
      { ...good, redirect_uri: 'not a url' },
      { ...good, response_type: 'token' },
      { ...good, locationId: 'noSuchLocation000001' },
    ];
    for (const query of bad) {
      const res = await page(sim, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toMatch(/cannot be installed/);
    }
    expect((await fetch(`${sim.baseUrl}/v2/oauth/chooselocation`, { method: 'POST' })).status).toBe(404);
  });
});

describe('request log', () => {
  it('holds no token, code, client secret or form body, even for secrets sent in the query', async () => {
    const { sim } = await start();
    const code = authorize(sim, { userType: 'Location' });
    await exchange(sim, { grant_type: 'authorization_code', code });
    await call(sim, 'POST', '/oauth/token', { token: null, version: null, query: { code: 'query-code-123', client_secret: sim.oauthApp.clientSecret }, form: { client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, grant_type: 'refresh_token', refresh_token: 'form-refresh-456' } });
    secrets.add('query-code-123').add('form-refresh-456');
    const logged = sim.requests.find((r) => r.query['code'] !== undefined)!;
    expect(logged.query).toEqual({ code: '[redacted]', client_secret: '[redacted]' });
    const text = JSON.stringify(sim.requests) + JSON.stringify(await (await fetch(`${sim.baseUrl}/_sim/requests`)).json());
    for (const s of [...secrets, 'grant_type', 'refresh_token=', sim.oauthApp.clientSecret]) expect(text.includes(s), s).toBe(false);
    expect(secrets.size).toBeGreaterThan(20);
  });
});
