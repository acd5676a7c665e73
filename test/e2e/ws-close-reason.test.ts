import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { until, wsClient, wsSubscribe } from '../helpers/live.js';

/**
 * A close reason carries a caller-supplied location id. Past 123 bytes `ws` would throw and the
 * client would see 4500; trimmed, the client gets the code that says what is wrong.
 */
let sim: Simulator;
let app: App;
let url: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: { contactsPerLocation: 5 } });
  app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PORT: '0' }), { simulator: sim });
  url = await app.start(0);
});
afterAll(async () => {
  await app.stop();
  await sim.stop();
});

describe('WebSocket close reasons', () => {
  it('are trimmed, so a long unknown location id still closes with 4401', async () => {
    const ws = wsClient(url, { 'x-location-id': `loc-${'x'.repeat(300)}` });
    wsSubscribe(ws, 'subscription { contactsChanged { kind id } }');
    await until(() => ws.closes.length > 0);
    expect(ws.closes[0]!.code).toBe(4401);
    expect(Buffer.byteLength(ws.closes[0]!.reason)).toBeLessThanOrEqual(123);
    expect(ws.closes[0]!.reason).toMatch(/^UNAUTHENTICATED: No installation is connected for location loc-x+\.\.\.$/);
  });
});
