import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GhlClient } from '../../src/ghl/client.js';
import { GhlReauthRequiredError } from '../../src/ghl/errors.js';
import { OAuthCredential } from '../../src/ghl/oauth-credential.js';
import { OAuthApp } from '../../src/ghl/oauth.js';
import { MemoryTokenStore } from '../../src/ghl/token-store.js';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

/** Proactive refresh on a fake clock, against the simulator's token endpoint over HTTP. */
const TTL_MS = 60_000;
const clock = new ManualClock(Date.UTC(2026, 0, 1));
let sim: Simulator;
let client: GhlClient;
let app: OAuthApp;

beforeAll(async () => {
  sim = await startSimulator({ clock, oauth: { accessTokenTtlMs: TTL_MS }, seed: { contactsPerLocation: 5 } });
  client = new GhlClient({ baseUrl: sim.baseUrl, requestTimeoutMs: 5_000, clock });
  app = new OAuthApp(
    { clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret, redirectUri: 'http://127.0.0.1/cb', scopes: ['contacts.readonly'], marketplaceUrl: sim.baseUrl },
    client,
  );
});
afterAll(async () => {
  await client.close();
  await sim.stop();
});

async function freshCredential() {
  const store = new MemoryTokenStore();
  const loc = sim.locations[0]!;
  const inst = await app.exchangeCode(sim.oauth.authorize({ locationId: loc.id, userType: 'Location', redirectUri: 'http://127.0.0.1/cb' }), clock.now());
  await store.put(inst);
  return { store, credential: new OAuthCredential(inst, { app, store, clock }) };
}

const tokenCalls = () => sim.requests.filter((r) => r.route === '/oauth/token').length;

describe('OAuthCredential', () => {
  it('uses the token while it is fresh, refreshes in the background past half its life, and before use near the end', async () => {
    const { credential, store } = await freshCredential();
    const first = await credential.accessToken();
    const before = tokenCalls();

    await clock.advance(TTL_MS * 0.4);
    expect(await credential.accessToken()).toBe(first);
    expect(tokenCalls()).toBe(before);

    await clock.advance(TTL_MS * 0.2); // 60% of its life: refresh ahead, still serving the old one
    expect(await credential.accessToken()).toBe(first);
    await credential.whenIdle();
    expect(tokenCalls()).toBe(before + 1);
    const second = await credential.accessToken();
    expect(second).not.toBe(first);
    expect((await store.get(credential.locationId))?.accessToken).toBe(second);
  });

  it('refreshes before use when the token is about to expire, once for many callers', async () => {
    const { credential } = await freshCredential();
    const first = await credential.accessToken();
    const before = tokenCalls();
    await clock.advance(TTL_MS * 0.9);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => credential.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(tokenCalls()).toBe(before + 1);
  });

  it('stores the rotated refresh token before handing out the new access token', async () => {
    const { credential, store } = await freshCredential();
    const oldRefresh = (await store.get(credential.locationId))!.refreshToken;
    await clock.advance(TTL_MS * 0.9);
    await credential.accessToken();
    const stored = await store.get(credential.locationId);
    expect(stored!.refreshToken).not.toBe(oldRefresh);
    expect(stored!.accessToken).toBe(await credential.accessToken());
  });

  it('marks the installation disconnected when GHL refuses the refresh, and then fails without calling GHL', async () => {
    const { credential, store } = await freshCredential();
    sim.oauth.revoke({ locationId: credential.locationId });
    await clock.advance(TTL_MS * 0.9);
    await expect(credential.accessToken()).rejects.toBeInstanceOf(GhlReauthRequiredError);
    expect((await store.get(credential.locationId))?.status).toBe('disconnected');
    const before = sim.requests.length;
    const err = await credential.accessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GhlReauthRequiredError);
    expect((err as GhlReauthRequiredError).installUrl).toContain('/v2/oauth/chooselocation');
    expect(JSON.stringify((err as GhlReauthRequiredError).extensions())).not.toMatch(/refresh|pit-/i);
    expect(sim.requests.length).toBe(before);
  });
});
