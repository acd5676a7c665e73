import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

/** Installations survive a restart of the gateway, read back from the encrypted file store. */
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 10 } });
  dir = mkdtempSync(join(tmpdir(), 'ghl-gw-restart-'));
});
afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  LOG_LEVEL: 'silent',
  GATEWAY_ALLOW_ANONYMOUS: 'on',
  GHL_BASE_URL: sim.baseUrl,
  // The live-mode location credential is a private integration token for location 0; the OAuth install is for location 1.
  GHL_LOCATION_ID: sim.locations[0]!.id,
  GHL_PRIVATE_INTEGRATION_TOKEN: sim.locations[0]!.token,
  GHL_CLIENT_ID: sim.oauthApp.clientId,
  GHL_CLIENT_SECRET: sim.oauthApp.clientSecret,
  GHL_MARKETPLACE_URL: sim.baseUrl,
  TOKEN_STORE: 'sqlite',
  TOKEN_STORE_PATH: join(dir, 'installations.db'),
  TOKEN_ENCRYPTION_KEY: 'test-only-key-0123456789abcdef0123456789',
});

async function query(app: Awaited<ReturnType<typeof buildApp>>, locationId: string) {
  const res = await app.yoga.fetch('http://gw/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-location-id': locationId },
    body: JSON.stringify({ query: '{ contacts(first: 2) { nodes { id locationId } } }' }),
  });
  return (await res.json()) as { data?: { contacts: { nodes: { locationId: string }[] } }; errors?: unknown[] };
}

describe('restart', () => {
  it('keeps installations across a restart, and the file holds no token in plain text', async () => {
    const loc = sim.locations[1]!;
    const first = await buildApp(loadConfig(env()));
    const code = sim.oauth.authorize({ locationId: loc.id, userType: 'Location', redirectUri: 'http://127.0.0.1:4000/oauth/callback' }); // the default GHL_OAUTH_REDIRECT_URI
    const cb = await first.yoga.fetch(`http://gw/oauth/callback?code=${code}&state=${first.oauth!.states.issue()}`);
    expect(cb.status).toBe(200);
    const stored = await first.tokenStore.get(loc.id);
    expect(stored?.status).toBe('connected');
    await first.stop();

    expect(readdirSync(dir).length).toBeGreaterThan(0);
    for (const file of readdirSync(dir)) {
      const raw = readFileSync(join(dir, file));
      expect(raw.includes(Buffer.from(stored!.accessToken)), `${file} holds the access token`).toBe(false);
      expect(raw.includes(Buffer.from(stored!.refreshToken!)), `${file} holds the refresh token`).toBe(false);
    }

    sim.clearRequests();
    const second = await buildApp(loadConfig(env()));
    const res = await query(second, loc.id);
    expect(res.errors).toBeUndefined();
    expect(res.data?.contacts.nodes.every((n) => n.locationId === loc.id)).toBe(true);
    // Served with the stored token: no new token exchange, and the call went out as an OAuth token.
    expect(sim.requests.filter((r) => r.route === '/oauth/token')).toHaveLength(0);
    expect(sim.requests.map((r) => r.tokenKind)).toEqual(['oauth']);
    await second.stop();
  });
});
