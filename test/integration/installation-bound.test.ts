import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger } from '../helpers/log-capture.js';
import { startStack, type Stack } from '../helpers/stack.js';

/**
 * Installations held in memory are bounded (GATEWAY_MAX_INSTALLATIONS). Each one is a tenant being
 * served, so at the bound a NEW install is refused and logged; none that works is dropped, and a
 * re-install of one already held still passes.
 */
const logs = capturedLogger();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ simulator: { seed: { contactsPerLocation: 5 } }, env: { GATEWAY_MAX_INSTALLATIONS: '1' }, app: { logger: logs.logger } });
});
afterAll(() => stack.stop());

const gateway = (path: string, init?: RequestInit) => stack.app.yoga.fetch(`http://gateway.test${path}`, init as never) as Promise<Response>;

/** Goes through the simulator's choose-location page for `locationId` and comes back to the callback. */
async function install(locationId: string): Promise<Response> {
  const start = await gateway('/oauth/install', { redirect: 'manual' });
  const choose = new URL(start.headers.get('location')!);
  choose.searchParams.set('locationId', locationId);
  const chosen = await fetch(choose, { redirect: 'manual' });
  return gateway(`/oauth/callback${new URL(chosen.headers.get('location')!).search}`);
}

describe('installations held in memory', () => {
  it('refuses a new install past the bound, keeps the one held, and lets it re-install', async () => {
    const [first, second] = stack.simulator.locations;
    expect((await install(first!.id)).status).toBe(200);
    expect(stack.app.oauth!.manager.size).toBe(1);

    const refused = await install(second!.id);
    expect(refused.status).toBe(503);
    expect(await refused.text()).toContain('GATEWAY_MAX_INSTALLATIONS');
    expect(stack.app.oauth!.manager.size).toBe(1);
    expect(await stack.app.tokenStore.get(second!.id)).toBeUndefined();
    expect(logs.lines().some((l) => String(l['msg']).includes('installation refused'))).toBe(true);

    expect((await install(first!.id)).status).toBe(200);
    expect((await stack.app.tokenStore.get(first!.id))?.status).toBe('connected');
  });
});
