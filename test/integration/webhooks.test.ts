import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { webhookBody, webhookKeys } from '../helpers/webhooks.js';

/**
 * `POST /webhooks/ghl`: verified over the raw bytes, replay-guarded, fail closed. A refused
 * delivery publishes nothing; an accepted one reaches the subscribers' shared poller at once.
 */
const keys = webhookKeys();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ env: { GHL_WEBHOOK_PUBLIC_KEY: keys.rsaPublicPem, GHL_WEBHOOK_ED25519_PUBLIC_KEY: keys.ed25519PublicPem } });
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());
// A failed assertion must not leave a poller behind for the next test.
afterEach(() => stack.app.pollers.stopAll());

const post = (body: string, headers: Record<string, string>) =>
  stack.app.yoga.fetch('http://gateway.test/webhooks/ghl', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function watchedContact() {
  const loc = stack.simulator.locations[0]!;
  const contact = stack.simulator.store.listContacts(loc.id)[0]!;
  const { poller, release } = stack.app.pollers.acquire({
    credential: stack.app.installations.get(loc.id)!,
    source: (await import('../../src/subscriptions/sources.js')).contactSource,
    args: { query: null, tags: null },
  });
  await poller.tick();
  expect(poller.ready).toBe(true);
  stack.resetLog();
  return { loc, contact, poller, release };
}

const update = (locationId: string, id: string, firstName: string, at = new Date()) =>
  webhookBody({ type: 'ContactUpdate', locationId, id, firstName }, at);

describe('webhook verification', () => {
  it('accepts a delivery signed with x-wh-signature (RSA) or x-ghl-signature (Ed25519), and publishes it at once', async () => {
    const { loc, contact, poller, release } = await watchedContact();
    const rsa = update(loc.id, contact.id, 'ViaRsa');
    expect((await post(rsa, { 'x-wh-signature': keys.signRsa(rsa) })).status).toBe(200);
    const ed = update(loc.id, contact.id, 'ViaEd25519');
    expect((await post(ed, { 'x-ghl-signature': keys.signEd25519(ed) })).status).toBe(200);
    expect(poller.published).toBe(2);
    expect(stack.upstream()).toHaveLength(0); // the webhook itself costs no GHL call
    release();
  });

  it('refuses a bad signature with 401 and publishes nothing', async () => {
    const { loc, contact, poller, release } = await watchedContact();
    const body = update(loc.id, contact.id, 'Forged');
    expect((await post(body, { 'x-wh-signature': keys.signRsa(`${body} `) })).status).toBe(401);
    expect((await post(body, { 'x-ghl-signature': keys.signEd25519('{}') })).status).toBe(401);
    expect((await post(body, {})).status).toBe(401);
    // Re-serialised JSON is not what was signed: raw bytes only.
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    expect((await post(reformatted, { 'x-wh-signature': keys.signRsa(body) })).status).toBe(401);
    expect(poller.published).toBe(0);
    release();
  });

  it('refuses a replayed webhookId with 409 and publishes nothing more', async () => {
    const { loc, contact, poller, release } = await watchedContact();
    const body = update(loc.id, contact.id, 'Once');
    const sig = keys.signRsa(body);
    expect((await post(body, { 'x-wh-signature': sig })).status).toBe(200);
    expect((await post(body, { 'x-wh-signature': sig })).status).toBe(409);
    expect(poller.published).toBe(1);
    release();
  });

  it('refuses a stale timestamp with 409 and publishes nothing', async () => {
    const { loc, contact, poller, release } = await watchedContact();
    const body = update(loc.id, contact.id, 'Stale', new Date(Date.now() - 10 * 60_000));
    expect((await post(body, { 'x-wh-signature': keys.signRsa(body) })).status).toBe(409);
    expect(poller.published).toBe(0);
    release();
  });

  it('answers a malformed body with 400 and publishes nothing', async () => {
    const { poller, release } = await watchedContact();
    for (const body of ['{not json', '[1,2]', '{"no":"type"}']) {
      expect((await post(body, { 'x-wh-signature': keys.signRsa(body) })).status).toBe(400);
    }
    expect(poller.published).toBe(0);
    release();
  });

  it('invalidates the cached contact a webhook changes', async () => {
    const { loc, contact, release } = await watchedContact();
    const read = () => stack.execute<{ contact: { firstName: string } }>(`query($id: ID!) { contact(id: $id) { firstName } }`, { id: contact.id }, { 'x-location-id': loc.id });
    await read();
    stack.simulator.store.updateContact(contact.id, { firstName: 'ChangedInGhl' });
    stack.resetLog();
    expect((await read()).data?.contact.firstName).not.toBe('ChangedInGhl'); // served from cache
    expect(stack.upstream()).toHaveLength(0);
    const body = update(loc.id, contact.id, 'ChangedInGhl');
    expect((await post(body, { 'x-wh-signature': keys.signRsa(body) })).status).toBe(200);
    expect((await read()).data?.contact.firstName).toBe('ChangedInGhl');
    expect(stack.upstream()).toHaveLength(1);
    release();
  });
});
