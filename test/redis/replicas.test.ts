import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisLink } from '../../src/redis/connection.js';
import { RedisTokenStore } from '../../src/redis/token-store.js';
import { wsClient, wsSubscribe } from '../helpers/live.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';
import {
  gql,
  MACHINE_REDIS_URL,
  requireMachineRedis,
  runPrefix,
  startReplica,
  startSimulatorProcess,
  stopCluster,
  type Replica,
  type SimEntry,
  until,
} from './cluster.js';

/**
 * Three gateway processes, one standalone simulator process and the machine's Redis (a key prefix
 * per run, removed afterwards). GHL's window is scaled down to 20 calls per second so that a burst
 * bigger than the budget takes seconds, not minutes.
 */
const BURST_MAX = 20;
const WINDOW_MS = 1_000;
const ENCRYPTION_KEY = 'replica-suite-encryption-key-0123456789';
const REDIRECT_URI = 'http://127.0.0.1:4000/oauth/callback';
const prefix = runPrefix('replicas');
const keys = webhookKeys();

let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;
let link: RedisLink;
let replicas: Replica[];
let locationId: string;
const as = () => ({ 'x-location-id': locationId });

beforeAll(async () => {
  await requireMachineRedis();
  sim = await startSimulatorProcess({
    seed: { contactsPerLocation: 40 },
    rateLimit: { burstMax: BURST_MAX, burstWindowMs: WINDOW_MS },
    validateResponses: true,
    redirectUri: REDIRECT_URI,
  });
  locationId = sim.info.locations[0]!.id;

  // An OAuth installation whose access token the gateways believe expired a minute ago.
  const res = await fetch(`${sim.info.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: sim.info.oauthApp.clientId, client_secret: sim.info.oauthApp.clientSecret, grant_type: 'authorization_code', code: sim.info.code, redirect_uri: REDIRECT_URI }),
  });
  expect(res.status).toBe(200);
  const tokens = (await res.json()) as { access_token: string; refresh_token: string; scope: string };
  link = connectRedis({ url: MACHINE_REDIS_URL, prefix });
  expect(await link.whenReady(10_000)).toBe(true);
  const store = await RedisTokenStore.open(link, ENCRYPTION_KEY);
  const now = Date.now();
  await store.put({
    id: locationId,
    userType: 'Location',
    locationId,
    companyId: null,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: now - 60_000,
    scopes: tokens.scope.split(/\s+/),
    status: 'connected',
    disconnectedReason: null,
    source: 'oauth',
    updatedAt: now - 3_600_000,
  });

  const env = {
    GHL_MODE: 'live',
    GHL_BASE_URL: sim.info.baseUrl,
    GHL_CLIENT_ID: sim.info.oauthApp.clientId,
    GHL_CLIENT_SECRET: sim.info.oauthApp.clientSecret,
    GHL_OAUTH_REDIRECT_URI: REDIRECT_URI,
    TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
    TENANT_HASH_SECRET: 'replica-suite-tenant-hash-secret',
    REDIS_URL: MACHINE_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    GHL_RATE_BURST_MAX: String(BURST_MAX),
    GHL_RATE_BURST_WINDOW_MS: String(WINDOW_MS),
    GHL_RATE_MAX_WAIT_MS: '120000',
    GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem,
    SUBSCRIPTION_POLL_INTERVAL_MS: '600000',
    LOG_LEVEL: 'warn',
    // Live mode without API keys is closed by default; these replicas sit on a private network.
    GATEWAY_ALLOW_ANONYMOUS: 'on',
  };
  replicas = await Promise.all(['A', 'B', 'C'].map((name) => startReplica(name, env)));
}, 180_000);

afterAll(async () => {
  await link?.close();
  await stopCluster({ replicas, sim, prefix });
}, 60_000);

const SEARCH = `query($q: String, $n: Int) { contacts(first: $n, query: $q) { totalCount nodes { id } } }`;
const CONTACT = `query($id: ID!) { contact(id: $id) { id firstName lastName } }`;
const UPDATE = `mutation($input: ContactUpdateInput!) { contactUpdate(input: $input) { contact { id firstName lastName } userErrors { message } } }`;

/** Most calls in any window of `windowMs`, from the simulator's arrival times. */
function busiestWindow(entries: SimEntry[], windowMs: number): number {
  const times = entries.map((e) => Date.parse(e.at)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('three replicas on one Redis', () => {
  it('refreshes an expired token exactly once for 200 concurrent requests over the three replicas', async () => {
    await sim.clear();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => gql(replicas[i % 3]!.url, SEARCH, { q: `refresh-${i % 25}`, n: 1 }, as())),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const log = await sim.requests();
    expect(log.filter((e) => e.path === '/oauth/token')).toHaveLength(1);
    // The other replicas used the token the first one stored: no request was refused.
    expect(log.filter((e) => e.status === 401)).toHaveLength(0);
  }, 120_000);

  it('keeps a burst spread over the three replicas under the limit together: 0 429s, never more than the limit in a window', async () => {
    await sim.clear();
    const CALLS = 150;
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => gql(replicas[i % 3]!.url, SEARCH, { q: `burst-${i}`, n: 1 }, as())),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const log = (await sim.requests()).filter((e) => e.path.startsWith('/contacts'));
    expect(log).toHaveLength(CALLS);
    expect(log.filter((e) => e.status === 429)).toHaveLength(0);
    expect(busiestWindow(log, WINDOW_MS)).toBeLessThanOrEqual(BURST_MAX);
  }, 120_000);

  it('never serves a contact, or a search page, stale from B (or C) after a write through A returns', async () => {
    const PAGE = `query { contacts(first: 5) { nodes { id lastName } } }`;
    const { data } = await gql<{ contacts: { nodes: { id: string }[] } }>(replicas[0]!.url, SEARCH, { q: null, n: 5 }, as());
    const ids = data!.contacts.nodes.map((n) => n.id);
    expect(ids).toHaveLength(5);
    for (let round = 0; round < 20; round++) {
      const id = ids[round % ids.length]!;
      // Every replica has the contact and the page cached (L1 and Redis)…
      for (const r of replicas) {
        expect((await gql(r.url, CONTACT, { id }, as())).errors).toBeUndefined();
        expect((await gql(r.url, PAGE, {}, as())).errors).toBeUndefined();
      }
      // …then A writes, and the very next reads on B and C see the write.
      const lastName = `Written-${round}`;
      const write = await gql<{ contactUpdate: { userErrors: unknown[] } }>(replicas[0]!.url, UPDATE, { input: { id, lastName } }, as());
      expect(write.data?.contactUpdate.userErrors).toEqual([]);
      for (const r of [replicas[1]!, replicas[2]!]) {
        const read = await gql<{ contact: { lastName: string } }>(r.url, CONTACT, { id }, as());
        expect(read.data?.contact.lastName).toBe(lastName);
        const page = await gql<{ contacts: { nodes: { id: string; lastName: string }[] } }>(r.url, PAGE, {}, as());
        expect(page.data?.contacts.nodes.find((n) => n.id === id)?.lastName).toBe(lastName);
      }
    }
  }, 180_000);

  it('shares cached reads: a search cached by A costs B and C no upstream call', async () => {
    await gql(replicas[0]!.url, SEARCH, { q: 'shared-cache', n: 3 }, as());
    await sim.clear();
    for (const r of [replicas[1]!, replicas[2]!]) {
      const res = await gql(r.url, SEARCH, { q: 'shared-cache', n: 3 }, as());
      expect(res.errors).toBeUndefined();
    }
    expect((await sim.requests()).filter((e) => e.path.startsWith('/contacts'))).toHaveLength(0);
  }, 60_000);

  it('refuses on C a webhook already delivered to B (shared replay guard)', async () => {
    const body = webhookBody({ type: 'ContactTagUpdate', locationId, id: 'replay-probe', tags: [] });
    const post = (r: Replica) => fetch(`${r.origin}/webhooks/ghl`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wh-signature': keys.signRsa(body) }, body });
    expect((await post(replicas[1]!)).status).toBe(200);
    expect((await post(replicas[2]!)).status).toBe(409);
  }, 30_000);

  it('completes on B an install started on A, refuses the same state on C, and serves the installation everywhere', async () => {
    const second = sim.info.locations[1]!.id;
    const before = await gql(replicas[1]!.url, SEARCH, { q: 'not-yet', n: 1 }, { 'x-location-id': second });
    expect(before.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    // No sticky sessions: the state A issued is good on B, once.
    const start = await fetch(`${replicas[0]!.origin}/oauth/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const callback = (r: Replica) => fetch(`${r.origin}/oauth/callback?code=${sim.info.secondCode}&state=${encodeURIComponent(state)}`);
    expect((await callback(replicas[1]!)).status).toBe(200);
    const replay = await callback(replicas[2]!);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');
    for (const r of replicas) {
      await until(async () => (await gql(r.url, SEARCH, { q: `installed-${r.name}`, n: 1 }, { 'x-location-id': second })).errors === undefined, `replica ${r.name} to serve the new installation`);
    }
  }, 60_000);

  it('reports Redis in /ready', async () => {
    const ready = (await (await fetch(`${replicas[0]!.origin}/ready`)).json()) as { ready: boolean; redis: { ok: boolean } };
    expect(ready).toMatchObject({ ready: true, degraded: false, redis: { ok: true } });
  });

  it('delivers to a subscriber on A the change of a webhook posted to B', async () => {
    const { data } = await gql<{ contacts: { nodes: { id: string }[] } }>(replicas[0]!.url, SEARCH, { q: null, n: 1 }, as());
    const target = data!.contacts.nodes[0]!.id;
    await sim.clear();
    const client = wsClient(replicas[0]!.url, as());
    const sub = wsSubscribe(client, `subscription { contactsChanged { kind id source node { id firstName } } }`);
    try {
      // The poller on A has its baseline when a poll of the contact search reached the simulator.
      await waitForPoll();
      const body = webhookBody({ type: 'ContactUpdate', locationId, id: target, firstName: 'FromWebhookOnB' });
      const res = await fetch(`${replicas[1]!.origin}/webhooks/ghl`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wh-signature': keys.signRsa(body) }, body });
      expect(res.status).toBe(200);
      const [event] = await sub.received.waitFor(1, 30_000);
      expect(event).toMatchObject({ contactsChanged: { kind: 'UPDATED', id: target, source: 'WEBHOOK', node: { firstName: 'FromWebhookOnB' } } });
    } finally {
      sub.stop();
      await client.dispose();
    }
  }, 60_000);
});

async function waitForPoll(): Promise<void> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const polls = (await sim.requests()).filter((e) => e.method === 'POST' && e.path === '/contacts/search' && e.status === 200);
    if (polls.length > 0) return;
    if (Date.now() > giveUpAt) throw new Error('no poll reached the simulator');
    await new Promise((r) => setTimeout(r, 100));
  }
}
