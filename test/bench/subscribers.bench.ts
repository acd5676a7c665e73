/**
 * 10,000 subscribers on one topic (`contactsChanged`) over graphql-ws, on real sockets: 100
 * WebSocket connections carrying 100 subscriptions each, against a gateway in its own process and
 * a standalone simulator that sends its signed webhooks to that gateway. Measured:
 * - polls per interval (the gateway polls the topic once per interval, however many watch);
 *   the baseline is one poll per subscriber, what polling without sharing costs;
 * - the gateway's heap per subscriber (after a full GC, against the same process before);
 * - write-to-subscriber time: a contact written in the simulator, whose webhook goes out at once,
 *   until each of the 10,000 subscribers has the event; p50/p99 over all of them.
 * The simulator answers without latency here, so the write's answer and its webhook leave
 * together. Every wait has a deadline.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort, ghlHeaders, percentile, report, round, startGatewayProcess, startStandaloneSimulator } from './lib.js';

/** `--sockets=N` scales the run down (100 subscribers per socket), to see how a figure grows. */
const SOCKETS = Number(process.argv.find((a) => a.startsWith('--sockets='))?.slice('--sockets='.length) ?? 100);
const PER_SOCKET = 100;
const SUBSCRIBERS = SOCKETS * PER_SOCKET;
const INTERVAL_MS = 1_000;
const MEASURE_INTERVALS = 5;
const WRITES = 5;
const DEADLINE_MS = 60_000;
const SUB = `subscription { contactsChanged { id source } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, cond: () => boolean | Promise<boolean>, deadlineMs = DEADLINE_MS): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const port = await freePort();
const sim = await startStandaloneSimulator(['--latency', '0', '--webhook-url', `http://127.0.0.1:${port}/webhooks/ghl`]);
const keys = (await (await fetch(`${sim.baseUrl}/_sim/webhooks/public-keys`)).json()) as { rsa: string; ed25519: string };
const loc = sim.locations[0]!;
const gateway = await startGatewayProcess({
  PORT: String(port),
  GHL_BASE_URL: sim.baseUrl,
  GHL_LOCATION_ID: loc.id,
  GHL_PRIVATE_INTEGRATION_TOKEN: loc.token,
  GATEWAY_ALLOW_ANONYMOUS: 'on',
  GHL_WEBHOOK_PUBLIC_KEY: keys.rsa,
  GHL_WEBHOOK_ED25519_PUBLIC_KEY: keys.ed25519,
  SUBSCRIPTION_POLL_INTERVAL_MS: String(INTERVAL_MS),
  SUBSCRIPTION_POLL_MIN_MS: String(INTERVAL_MS),
});
const clients: Client[] = [];
try {
  const before = await gateway.memory();
  // Per write: the contact written, when the write was sent, and each subscriber's delay.
  let target = '';
  let sentAt = 0;
  let delays: number[] = [];
  const sources: Record<string, number> = {};
  let errors = 0;
  for (let s = 0; s < SOCKETS; s++) {
    const client = createClient({ url: gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    clients.push(client);
    for (let i = 0; i < PER_SOCKET; i++) {
      let seen = '';
      client.subscribe<{ contactsChanged: { id: string; source: string } }>(
        { query: SUB },
        {
          next: ({ data }) => {
            const change = data?.contactsChanged;
            // The first event for the contact being written counts, once per subscriber and write.
            if (!change || change.id !== target || seen === `${target}@${sentAt}`) return;
            seen = `${target}@${sentAt}`;
            delays.push(performance.now() - sentAt);
            sources[change.source] = (sources[change.source] ?? 0) + 1;
          },
          error: () => errors++,
          complete: () => undefined,
        },
      );
    }
  }
  await until('every subscriber on one shared poller', async () => {
    const pollers = await gateway.pollers();
    return pollers.length === 1 && pollers[0]!.subscribers === SUBSCRIBERS && pollers[0]!.ready;
    // Opening 10,000 subscriptions took over a minute on the loaded machine.
  }, 2 * DEADLINE_MS);
  const after = await gateway.memory();

  const pollsBefore = (await gateway.pollers())[0]!.polls;
  await sim.clearRequests();
  const began = performance.now();
  await sleep(MEASURE_INTERVALS * INTERVAL_MS);
  const intervals = (performance.now() - began) / INTERVAL_MS;
  const polls = (await gateway.pollers())[0]!.polls - pollsBefore;
  const upstreamCalls = (await sim.requests()).length;

  const contacts = ((await (await fetch(`${sim.baseUrl}/contacts/search`, { method: 'POST', headers: ghlHeaders(loc.token), body: JSON.stringify({ locationId: loc.id, pageLimit: WRITES }) })).json()) as { contacts: { id: string }[] }).contacts;
  const all: number[] = [];
  for (let w = 0; w < WRITES; w++) {
    delays = [];
    target = contacts[w % contacts.length]!.id;
    sentAt = performance.now();
    await fetch(`${sim.baseUrl}/contacts/${target}`, { method: 'PUT', headers: ghlHeaders(loc.token), body: JSON.stringify({ firstName: `Bench${w}` }) });
    await until(`write ${w} to reach every subscriber`, () => delays.length >= SUBSCRIBERS);
    all.push(...delays);
  }
  const figures = {
    subscribers: SUBSCRIBERS,
    sockets: SOCKETS,
    intervalMs: INTERVAL_MS,
    pollsPerInterval: round(polls / intervals, 2),
    upstreamCallsPerInterval: round(upstreamCalls / intervals, 2),
    heapPerSubscriberKb: round(((after.heapUsedMb - before.heapUsedMb) * 1024) / SUBSCRIBERS, 2),
    rssPerSubscriberKb: round(((after.rssMb - before.rssMb) * 1024) / SUBSCRIBERS, 2),
    writeToSubscriber: { writes: WRITES, firstMs: round(Math.min(...all)), p50Ms: round(percentile(all, 50)), p99Ms: round(percentile(all, 99)), sources },
    subscriptionErrors: errors,
  };
  report('subscribers', figures, [
    { figure: `${SUBSCRIBERS.toLocaleString('en')} subscribers on one topic: polls per interval`, value: figures.pollsPerInterval, unit: 'polls', baseline: { name: 'one poller per subscriber', value: SUBSCRIBERS }, goal: { valueAtMost: 1 } },
    { figure: `${SUBSCRIBERS.toLocaleString('en')} subscribers: gateway heap per subscriber`, value: figures.heapPerSubscriberKb, unit: 'KB' },
    { figure: `${SUBSCRIBERS.toLocaleString('en')} subscribers: write (webhook) to subscriber, p50`, value: figures.writeToSubscriber.p50Ms, unit: 'ms' },
    { figure: `${SUBSCRIBERS.toLocaleString('en')} subscribers: write (webhook) to subscriber, p99`, value: figures.writeToSubscriber.p99Ms, unit: 'ms' },
  ]);
} finally {
  await Promise.all(clients.map((c) => c.dispose()));
  await gateway.stop();
  await sim.stop();
}
