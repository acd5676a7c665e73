import { parseArgs } from 'node:util';
import { startSimulator } from './server.js';

/**
 * Standalone simulator: `npm run simulator -- --port 0 --latency 50 --jitter 10`.
 * People read stderr (base URL and tokens); scripts read stdout, which carries exactly one JSON
 * line: {"baseUrl":…,"locations":[{"id":…,"token":…,"readonlyToken":…}]}.
 */

const USAGE = `Usage: npm run simulator -- [options]
  --port <n>              port to listen on (default: any free port)
  --host <addr>           address to bind (default: 127.0.0.1)
  --latency <ms>          fixed delay added to every response (default: 0)
  --jitter <ms>           random extra delay, 0..ms (default: 0)
  --locations <n>         seeded locations (default: 2)
  --contacts <n>          contacts per location (default: 300)
  --burst-max <n>         requests per burst window per location (default: 100)
  --burst-window-ms <n>   burst window (default: 10000)
  --daily-max <n>         requests per UTC day per location (default: 200000)
  --access-token-ttl-ms <n>   OAuth access token lifetime (default: 86399000, GHL's day)
  --refresh-token-ttl-ms <n>  OAuth refresh token lifetime (default: one year)
  --fault-seed <n>        seed of the fault-injection PRNG (default: fixed)
  --validate-responses    answer 500 when a response drifts from the spec
  --strict-versions       accept only each spec's own Version value, 422 otherwise (default: every
                          version GHL publishes on every route; a missing or unknown one is a 401)
  --webhook-url <url>     POST signed webhook events to this URL (default: none sent)
  --webhook-drop-rate <0..1>       share of webhook events dropped (default: 0)
  --webhook-duplicate-rate <0..1>  share of webhook events sent twice (default: 0)
  --webhook-delay-ms <n>  delay before each webhook is sent (default: 0)
  --activity              make steady, realistic changes in the first location (new contacts,
                          tasks due, appointments booked, opportunities moving stage)
  --help                  print this help and exit`;

function rate(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) {
    process.stderr.write(`--${name} must be a number from 0 to 1, got "${value}"\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a non-negative integer, got "${value}"\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      latency: { type: 'string' },
      jitter: { type: 'string' },
      locations: { type: 'string' },
      contacts: { type: 'string' },
      'burst-max': { type: 'string' },
      'burst-window-ms': { type: 'string' },
      'daily-max': { type: 'string' },
      'access-token-ttl-ms': { type: 'string' },
      'refresh-token-ttl-ms': { type: 'string' },
      'fault-seed': { type: 'string' },
      'validate-responses': { type: 'boolean' },
      'strict-versions': { type: 'boolean' },
      'webhook-url': { type: 'string' },
      'webhook-drop-rate': { type: 'string' },
      'webhook-duplicate-rate': { type: 'string' },
      'webhook-delay-ms': { type: 'string' },
      activity: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startSimulator({
    port: int('port', values.port) ?? 0,
    ...(values.host ? { host: values.host } : {}),
    latency: { fixedMs: int('latency', values.latency) ?? 0, jitterMs: int('jitter', values.jitter) ?? 0 },
    seed: { locations: int('locations', values.locations), contactsPerLocation: int('contacts', values.contacts) },
    rateLimit: { burstMax: int('burst-max', values['burst-max']), burstWindowMs: int('burst-window-ms', values['burst-window-ms']), dailyMax: int('daily-max', values['daily-max']) },
    validateResponses: values['validate-responses'] ?? false,
    strictVersions: values['strict-versions'] ?? false,
    oauth: { accessTokenTtlMs: int('access-token-ttl-ms', values['access-token-ttl-ms']), refreshTokenTtlMs: int('refresh-token-ttl-ms', values['refresh-token-ttl-ms']) },
    ...(values['fault-seed'] === undefined ? {} : { faultSeed: int('fault-seed', values['fault-seed']) }),
    webhooks: {
      ...(values['webhook-url'] ? { url: values['webhook-url'] } : {}),
      dropRate: rate('webhook-drop-rate', values['webhook-drop-rate']),
      duplicateRate: rate('webhook-duplicate-rate', values['webhook-duplicate-rate']),
      delayMs: int('webhook-delay-ms', values['webhook-delay-ms']),
    },
    activity: values.activity ?? false,
  });

  const lines = [`GHL simulator listening on ${sim.baseUrl}`];
  for (const loc of sim.locations) lines.push(`  ${loc.name} (${loc.id})`, `    token:          ${loc.token}`, `    readonly token: ${loc.readonlyToken}`);
  lines.push(
    `  OAuth app: client_id ${sim.oauthApp.clientId} client_secret ${sim.oauthApp.clientSecret} (appId ${sim.oauthApp.appId})`,
    `  Install page: ${sim.baseUrl}/v2/oauth/chooselocation?response_type=code&client_id=${sim.oauthApp.clientId}&redirect_uri=<your callback>`,
    `  Agency ${sim.agency.companyId}: Company access token ${sim.agency.accessToken}`,
    '  Request log: GET/DELETE ' + `${sim.baseUrl}/_sim/requests`,
    `  Activity: ${sim.activity.running ? `a change every ${sim.activity.intervalMs / 1000} s` : 'off (--activity)'}; GET ${sim.baseUrl}/_sim/activity, POST …/start, …/stop, …/step`,
    `  Webhooks: ${sim.webhooks.config.url ? `signed POSTs to ${sim.webhooks.config.url}` : 'none sent (no --webhook-url)'}; deliveries: GET/DELETE ${sim.baseUrl}/_sim/webhooks`,
    '  Webhook public key for x-wh-signature (RSA-SHA256, base64):',
    sim.webhooks.publicKeys.rsa.trim(),
    '  Webhook public key for x-ghl-signature (Ed25519, base64):',
    sim.webhooks.publicKeys.ed25519.trim(),
    'Ctrl-C to stop.',
  );
  process.stderr.write(`${lines.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify({ baseUrl: sim.baseUrl, locations: sim.locations.map((l) => ({ id: l.id, token: l.token, readonlyToken: l.readonlyToken })) })}\n`);

  // Under npm/npx the same signal often arrives twice (once from the terminal's process group,
  // once relayed by tsx), so repeats are ignored; a timer forces the exit if closing ever hangs.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping the simulator\n`);
    setTimeout(() => process.exit(1), 5_000).unref();
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
