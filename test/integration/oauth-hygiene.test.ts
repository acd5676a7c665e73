import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import { contactSource } from '../../src/subscriptions/sources.js';
import { expectNoErrors, startStack, type Stack } from '../helpers/stack.js';
import { capturedLogger } from '../helpers/log-capture.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';

/** OAuth loose ends: the install `state`, events for another app, and what a disconnect leaves behind. */
const keys = webhookKeys();
const logs = capturedLogger();
let stack: Stack;
let app: App;

beforeAll(async () => {
  // The gateway's own warnings are kept in memory, to be read back.
  stack = await startStack({ simulator: { seed: { contactsPerLocation: 10 } }, env: { GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem }, app: { logger: logs.logger } });
  app = stack.app;
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

const gateway = (path: string, init?: RequestInit) => app.yoga.fetch(`http://gateway.test${path}`, init as never) as Promise<Response>;

/** The simulator's choose-location page, as a person picking `locationId` would; answers the callback URL GHL sends them to. */
async function chooseLocation(locationId: string): Promise<URL> {
  const start = await gateway('/oauth/install', { redirect: 'manual' });
  const choose = new URL(start.headers.get('location')!);
  expect(choose.searchParams.get('state')).toBeTruthy();
  choose.searchParams.set('locationId', locationId);
  const chosen = await fetch(choose, { redirect: 'manual' });
  return new URL(chosen.headers.get('location')!);
}

const callback = (url: URL) => gateway(`/oauth/callback${url.search}`);
const tokenCalls = () => stack.upstream().filter((r) => r.route === '/oauth/token').length;

describe('OAuth state', () => {
  it('refuses a callback with a missing, wrong or reused state, without trading the code', async () => {
    const loc = stack.simulator.locations[0]!;
    const back = await chooseLocation(loc.id);
    stack.resetLog();

    const missing = new URL(back);
    missing.searchParams.delete('state');
    expect((await callback(missing)).status).toBe(400);
    const wrong = new URL(back);
    wrong.searchParams.set('state', `${back.searchParams.get('state')!.slice(0, -4)}AAAA`);
    expect((await callback(wrong)).status).toBe(400);
    const foreign = new URL(back);
    foreign.searchParams.set('state', 'made-up.9999999999999.c2lnbmF0dXJl');
    expect((await callback(foreign)).status).toBe(400);
    expect(tokenCalls()).toBe(0);

    const ok = await callback(back);
    expect(ok.status).toBe(200);
    expect(tokenCalls()).toBe(1);
    // The same state again (a replayed callback) is refused, and the code is not traded twice.
    const reused = await callback(back);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('already used');
    expect(tokenCalls()).toBe(1);
  });
});

describe('webhooks for another app', () => {
  const post = (event: Record<string, unknown>) => {
    const body = webhookBody(event);
    return gateway('/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wh-signature': keys.signRsa(body) }, body });
  };

  it('ignores and logs INSTALL and UNINSTALL events carrying another appId', async () => {
    const loc = stack.simulator.locations[1]!;
    expect((await callback(await chooseLocation(loc.id))).status).toBe(200);
    {
      const uninstall = await post({ type: 'UNINSTALL', appId: 'another-app-0000000000', locationId: loc.id });
      expect(await uninstall.json()).toMatchObject({ ok: true, outcome: 'foreign-app' });
      const install = await post({ type: 'INSTALL', appId: 'another-app-0000000000', companyId: stack.simulator.agency.companyId, locationId: loc.id });
      expect(await install.json()).toMatchObject({ ok: true, outcome: 'foreign-app' });
      const missing = await post({ type: 'UNINSTALL', locationId: loc.id });
      expect(await missing.json()).toMatchObject({ ok: true, outcome: 'foreign-app' });
      const logged = logs.lines().filter((line) => String(line['msg']).includes('webhook for another app ignored'));
      expect(logged).toHaveLength(3);
      expect(JSON.stringify(logged[0])).toContain('another-app-0000000000');
      expect(logged.every((line) => line['level'] === 'warn' || line['level'] === 40)).toBe(true);
    }
    expect((await app.tokenStore.get(loc.id))?.status).toBe('connected');
    expectNoErrors(await stack.execute(`{ contacts(first: 1) { totalCount } }`, {}, { 'x-location-id': loc.id }));
  });
});

describe('disconnect', () => {
  it("drops the installation's cached entries and stops its pollers", async () => {
    const loc = stack.simulator.locations[1]!;
    if ((await app.tokenStore.get(loc.id))?.status !== 'connected') expect((await callback(await chooseLocation(loc.id))).status).toBe(200);
    const QUERY = `{ contacts(first: 3) { nodes { id firstName } } }`;
    const asLoc = { 'x-location-id': loc.id };
    const warm = expectNoErrors(await stack.execute<{ contacts: { nodes: { id: string }[] } }>(QUERY, {}, asLoc));
    const id = warm.contacts.nodes[0]!.id;
    const ONE = `query($id: ID!) { contact(id: $id) { id firstName } }`;
    expectNoErrors(await stack.execute(ONE, { id }, asLoc));
    // Warm: the same reads now cost nothing upstream.
    stack.resetLog();
    const cached = await stack.execute(ONE, { id }, asLoc);
    expect(cached.extensions?.['cost']).toMatchObject({ upstreamCalls: 0 });

    const credential = app.installations.get(loc.id)!;
    const { poller } = app.pollers.acquire({ credential, source: contactSource, args: {} });
    const ended: unknown[] = [];
    void (async () => {
      for await (const message of app.pollers.pubsub.subscribe(poller.topic)) ended.push(message);
    })();
    expect(app.pollers.list()).toContain(poller);

    const body = webhookBody({ type: 'UNINSTALL', appId: stack.simulator.oauthApp.appId, locationId: loc.id });
    const res = await gateway('/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wh-signature': keys.signRsa(body) }, body });
    expect(await res.json()).toMatchObject({ outcome: 'disconnected' });

    expect(app.pollers.list()).not.toContain(poller);
    stack.resetLog();
    // Not served from the cache: the disconnected installation answers REAUTH_REQUIRED, calling nothing.
    const after = await stack.execute<{ contact: unknown }>(ONE, { id }, asLoc);
    expect(after.data?.contact ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions?.['code']).toBe('REAUTH_REQUIRED');
    expect(JSON.stringify(after)).not.toContain(id);
    expect(stack.upstream()).toHaveLength(0);
    await vi.waitFor(() => expect(ended).toContainEqual({ end: expect.objectContaining({ code: 'REAUTH_REQUIRED' }) }));
  });
});
