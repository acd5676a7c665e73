import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

/** Browsers, and who gets in by default. */
const QUERY = `{ contacts(first: 1) { totalCount } }`;
const CREATE = `mutation { contactCreate(input: { firstName: "Csrf", email: "csrf@example.com" }) { contact { id } userErrors { message } } }`;

const post = (app: App, headers: Record<string, string>, body: string | FormData) =>
  app.yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers, body } as never) as Promise<Response>;
const preflight = (app: App, origin: string) =>
  app.yoga.fetch('http://gateway.test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  }) as Promise<Response>;

describe('CORS, form posts and headers (simulator mode)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { seed: { contactsPerLocation: 5 } } });
  });
  afterAll(() => stack.stop());

  it('allows any origin without credentials by default', async () => {
    const pre = await preflight(stack.app, 'https://anywhere.example');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await post(stack.app, { 'content-type': 'application/json', origin: 'https://anywhere.example' }, JSON.stringify({ query: QUERY }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses form, multipart and text posts before anything runs: 415, no contact created, 0 upstream calls', async () => {
    stack.resetLog();
    const form = await post(stack.app, { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, new URLSearchParams({ query: CREATE }).toString());
    const multipart = new FormData();
    multipart.set('operations', JSON.stringify({ query: CREATE }));
    const multi = await post(stack.app, { origin: 'https://evil.example' }, multipart);
    const text = await post(stack.app, { 'content-type': 'text/plain' }, JSON.stringify({ query: CREATE }));
    expect([form.status, multi.status, text.status]).toEqual([415, 415, 415]);
    expect(stack.upstream()).toHaveLength(0);
    // The same mutation as JSON runs.
    const json = await post(stack.app, { 'content-type': 'application/json; charset=utf-8', accept: 'application/graphql-response+json' }, JSON.stringify({ query: CREATE }));
    expect(json.status).toBe(200);
    expect(stack.upstream().map((r) => `${r.method} ${r.route}`)).toEqual(['POST /contacts/']);
  });

  it('sends the security headers on every response', async () => {
    for (const res of [await post(stack.app, { 'content-type': 'application/json' }, JSON.stringify({ query: QUERY })), await stack.app.yoga.fetch('http://gateway.test/healthz')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('CORS allowlist', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ simulator: { seed: { contactsPerLocation: 5 } }, env: { CORS_ORIGINS: 'https://app.example' } });
  });
  afterAll(() => stack.stop());

  it('answers listed origins and refuses the rest', async () => {
    const ok = await preflight(stack.app, 'https://app.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const refused = await preflight(stack.app, 'https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post(stack.app, { 'content-type': 'application/json', origin: 'https://evil.example' }, JSON.stringify({ query: QUERY }));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
    const listed = await post(stack.app, { 'content-type': 'application/json', origin: 'https://app.example' }, JSON.stringify({ query: QUERY }));
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it('refuses WebSocket upgrades from origins off the list (CORS does not cover them)', async () => {
    const url = (await stack.app.start(0)).replace(/^http/, 'ws');
    const upgrade = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws', { origin });
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.once('error', () => undefined);
      });
    expect(await upgrade('https://evil.example')).toBe(401);
    expect(await upgrade('https://app.example')).toBe(101);
  });
});

describe('live mode is closed by default', () => {
  let sim: Simulator;
  const apps: App[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ seed: { contactsPerLocation: 5 } });
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await sim.stop();
  });
  const live = async (extra: Record<string, string> = {}) => {
    const loc = sim.locations[0]!;
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', GHL_BASE_URL: sim.baseUrl, GHL_LOCATION_ID: loc.id, GHL_PRIVATE_INTEGRATION_TOKEN: loc.token, ...extra }));
    apps.push(app);
    return app;
  };
  const run = async (app: App, headers: Record<string, string> = {}) => {
    const res = await post(app, { 'content-type': 'application/json', ...headers }, JSON.stringify({ query: QUERY }));
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };

  it('without API keys refuses every request with a clear 401, calling nothing; GATEWAY_ALLOW_ANONYMOUS=on opens it', async () => {
    const closed = await live();
    sim.clearRequests();
    const res = await run(closed);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(res.body.errors?.[0]?.message).toContain('GATEWAY_API_KEYS');
    // A GHL token is not taken as a pass-through either.
    const token = await run(closed, { authorization: `Bearer ${sim.locations[0]!.token}`, 'x-location-id': sim.locations[0]!.id });
    expect(token.status).toBe(401);
    expect(token.body.errors?.[0]?.message).toContain('GATEWAY_API_KEYS');
    expect(sim.requests).toHaveLength(0);
    // No browser origin is allowed by default in live mode.
    expect((await preflight(closed, 'https://anywhere.example')).status).toBe(403);

    const open = await live({ GATEWAY_ALLOW_ANONYMOUS: 'on' });
    expectNoErrors((await run(open)).body as never);
  });

  it('with API keys admits only the keys, unless pass-through is turned on', async () => {
    const loc = sim.locations[0]!;
    const keysOnly = await live({ GATEWAY_API_KEYS: `k-1=${loc.id}` });
    sim.clearRequests();
    expect((await run(keysOnly, { authorization: `Bearer ${loc.token}`, 'x-location-id': loc.id })).status).toBe(401);
    expect((await run(keysOnly)).status).toBe(401);
    expect(sim.requests).toHaveLength(0);
    expectNoErrors((await run(keysOnly, { authorization: 'Bearer k-1' })).body as never);

    const withPassThrough = await live({ GATEWAY_API_KEYS: `k-1=${loc.id}`, GATEWAY_PASSTHROUGH: 'on' });
    expectNoErrors((await run(withPassThrough, { authorization: `Bearer ${loc.token}`, 'x-location-id': loc.id })).body as never);
  });
});
