import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { createAuthorizationCode } from '../../src/simulator/oauth.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { call } from './helpers.js';

let sim: Simulator;
const clock = new ManualClock(Date.UTC(2026, 0, 1));

beforeAll(async () => {
  sim = await startSimulator({ clock, validateResponses: true, seed: { contactsPerLocation: 5 } });
});
afterAll(async () => {
  await sim.stop();
});

const tokenCall = (form: Record<string, string>) =>
  call(sim, 'POST', '/oauth/token', { token: null, version: null, form: { client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, ...form } });

describe('POST /oauth/token (simulator-issued grants)', () => {
  it('exchanges a code once, and the access token works until it expires; refresh rotates both tokens', async () => {
    const loc = sim.locations[1]!;
    const code = createAuthorizationCode(sim.store, { locationId: loc.id, scopes: ['contacts.readonly'], redirectUri: 'https://app.example/cb' });

    expect((await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: 'https://elsewhere.example/cb' })).status).toBe(400);
    // The code was used up by the failed attempt.
    const code2 = createAuthorizationCode(sim.store, { locationId: loc.id, scopes: ['contacts.readonly'] });
    const first = await tokenCall({ grant_type: 'authorization_code', code: code2 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 86399, scope: 'contacts.readonly', userType: 'Location', locationId: loc.id, companyId: loc.companyId });
    expect(typeof first.body.userId).toBe('string');
    expect((await tokenCall({ grant_type: 'authorization_code', code: code2 })).body).toMatchObject({ statusCode: 400, message: 'invalid_grant: authorization code is invalid' });

    const contactId = sim.store.listContacts(loc.id)[0]!.id;
    sim.clearRequests();
    expect((await call(sim, 'GET', `/contacts/${contactId}`, { token: first.body.access_token })).status).toBe(200);
    expect(sim.requests.at(-1)).toMatchObject({ tokenKind: 'oauth', locationId: loc.id });
    expect((await call(sim, 'POST', `/contacts/${contactId}/tags`, { token: first.body.access_token, body: { tags: ['x'] } })).status).toBe(401);

    await clock.advance(86_399_000);
    expect((await call(sim, 'GET', `/contacts/${contactId}`, { token: first.body.access_token })).body.message).toBe('Invalid JWT: token expired');

    const refreshed = await tokenCall({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token, user_type: 'Location' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await call(sim, 'GET', `/contacts/${contactId}`, { token: refreshed.body.access_token })).status).toBe(200);
    const reused = await tokenCall({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
    expect(reused.status).toBe(400);
  });

  it('refuses wrong client credentials, unsupported grants and bad forms', async () => {
    const wrong = await call(sim, 'POST', '/oauth/token', { token: null, version: null, form: { client_id: sim.oauthApp.clientId, client_secret: 'nope', grant_type: 'refresh_token', refresh_token: 'x' } });
    expect(wrong.status).toBe(401);
    expect((await tokenCall({ grant_type: 'client_credentials' })).status).toBe(400);
    const bad = await tokenCall({ grant_type: 'password' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['grant_type must be one of the following values: authorization_code, refresh_token, client_credentials']);
  });

  it('takes no bearer token and is not rate-limited', async () => {
    const res = await tokenCall({ grant_type: 'refresh_token', refresh_token: 'unknown' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-ratelimit-remaining')).toBeNull();
  });
});
