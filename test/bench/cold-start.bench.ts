/**
 * Cold start: from spawning `node dist/main.js` (the built gateway, as `npm start` runs it; the
 * build comes first and is not timed) to the first answered query that reaches GHL
 * (`currentLocation`, against a standalone simulator with 50 ms latency). Baseline, in the same
 * run: a bare `node:http` server process answering its first request, the floor any Node process
 * pays. The query is retried every 10 ms until the port answers; each run is a new process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort, median, postGraphql, report, round, startStandaloneSimulator } from './lib.js';

const RUNS = 3;
const LATENCY_MS = 50;
const root = new URL('../..', import.meta.url).pathname;
const BARE = `require('node:http').createServer((q, s) => s.end('{"data":{}}')).listen(Number(process.argv[1]), '127.0.0.1')`;

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const sim = await startStandaloneSimulator(['--latency', String(LATENCY_MS)]);
const loc = sim.locations[0]!;

/** Spawns a server on a free port and times until `answered` says its first answer is good. */
async function timeToFirstAnswer(start: (port: number) => ChildProcess, ask: (url: string) => Promise<boolean>): Promise<number> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = performance.now();
  const child = start(port);
  try {
    const deadline = started + 30_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (await ask(url).catch(() => false)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no answer within 30 s');
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

const gatewayEnv = (port: number) => ({
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  GHL_BASE_URL: sim.baseUrl,
  GHL_LOCATION_ID: loc.id,
  GHL_PRIVATE_INTEGRATION_TOKEN: loc.token,
  GATEWAY_ALLOW_ANONYMOUS: 'on',
  LOG_LEVEL: 'silent',
});
const startGateway = (port: number) => spawn(process.execPath, ['dist/main.js'], { cwd: root, env: gatewayEnv(port), stdio: 'ignore' });
const startBare = (port: number) => spawn(process.execPath, ['-e', BARE, String(port)], { stdio: 'ignore' });
const askGateway = async (url: string) => Boolean((await postGraphql(url, '{ currentLocation { id name } }')).body.data?.currentLocation?.id);
const askBare = async (url: string) => (await fetch(url, { method: 'POST' })).ok;

try {
  const gateway: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gateway.push(await timeToFirstAnswer(startGateway, askGateway));
    bare.push(await timeToFirstAnswer(startBare, askBare));
  }
  const g = median(gateway);
  const b = median(bare);
  report(
    'cold-start',
    { runs: RUNS, started: 'node dist/main.js (after npm run build)', latencyMs: LATENCY_MS, gatewayMedianMs: round(g), bareNodeHttpMedianMs: round(b), gatewayRunsMs: gateway.map((x) => round(x)) },
    [{ figure: 'Cold start: process start to first answered query (node dist/main.js)', value: round(g), unit: 'ms', baseline: { name: 'bare node:http process', value: round(b) } }],
  );
} finally {
  await sim.stop();
}
