import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';

export interface LiveStack {
  sim: Simulator;
  app: App;
  /** The gateway's GraphQL endpoint on a real port. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The gateway listening on a real port, with `npm start`'s seed, in front of a simulator that
 * delivers its signed webhooks to it: a change made in "GHL" reaches subscribers at once.
 */
export async function startLiveStack(): Promise<LiveStack> {
  const sim = await startSimulator({ validateResponses: true, seed: { contactsPerLocation: 300 }, rateLimit: { burstMax: 100_000 } });
  const app = await buildApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      GHL_RATE_BURST_MAX: '100000',
      GHL_WEBHOOK_PUBLIC_KEY: sim.webhooks.publicKeys.rsa,
      GHL_WEBHOOK_ED25519_PUBLIC_KEY: sim.webhooks.publicKeys.ed25519,
    }),
    { simulator: sim },
  );
  const url = await app.start(0);
  sim.webhooks.configure({ url: url.replace(/\/graphql$/, '/webhooks/ghl') });
  return {
    sim,
    app,
    url,
    async stop() {
      await app.stop();
      await sim.stop();
    },
  };
}

/** Changes a contact in the simulator as GHL's own UI would (so GHL sends its webhook). */
export async function updateContactInGhl(sim: Simulator, contactId: string, body: Record<string, unknown>): Promise<number> {
  const location = sim.locations[0]!;
  const res = await fetch(`${sim.baseUrl}/contacts/${contactId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${location.token}`, version: '2021-07-28', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}
