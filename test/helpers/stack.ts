import { buildApp, type App, type AppDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import type { Clock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.js';
import { capturedLogger, leaksIn, simulatorSecrets } from './log-capture.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface Stack {
  simulator: Simulator;
  app: App;
  /** Runs a GraphQL operation through the real Yoga app (no port), as an HTTP request would. */
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Upstream calls logged by the simulator since the last `resetLog()`. */
  upstream(): Simulator['requests'];
  resetLog(): void;
  stop(): Promise<void>;
}

/**
 * The whole gateway against a fresh in-process simulator over loopback HTTP. The simulator
 * validates every request against the specs and its own responses too, so any test that runs
 * through the stack is also a contract test.
 */
export async function startStack(opts: { simulator?: SimulatorOptions; env?: Record<string, string> | ((simulator: Simulator) => Record<string, string>); clock?: Clock; app?: Pick<AppDeps, 'logger' | 'metrics'> } = {}): Promise<Stack> {
  // GHL's real budget (100 per 10 s) would make a test file wait on itself; the rate-limit tests
  // set their own small limits instead.
  const simulator = await startSimulator({
    validateResponses: true,
    seed: { contactsPerLocation: 120 },
    rateLimit: { burstMax: 100_000 },
    // Strict: the gateway must keep sending each spec's own Version, not just any published one.
    strictVersions: true,
    ...opts.simulator,
  });
  // `env` may be a function of the simulator, for settings that name its locations (API keys).
  const env = typeof opts.env === 'function' ? opts.env(simulator) : opts.env;
  const config = loadConfig({ LOG_LEVEL: 'silent', GHL_RATE_BURST_MAX: '100000', ...env });
  // Every stack logs at debug into memory, and `stop()` fails if a line holds a token, a secret or
  // an e-mail address: the whole suite's traffic is scanned, not only the logging test's.
  const logs = capturedLogger();
  const app = await buildApp(config, { simulator, logger: logs.logger, ...opts.app, ...(opts.clock ? { clock: opts.clock } : {}) });
  return {
    simulator,
    app,
    async execute(query, variables, headers) {
      const res = await app.yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as never;
    },
    upstream: () => [...simulator.requests],
    resetLog: () => simulator.clearRequests(),
    async stop() {
      await app.stop();
      await simulator.stop();
      const leaks = leaksIn(logs.text(), simulatorSecrets(simulator));
      if (leaks.length > 0) throw new Error(`Log lines leak secrets or personal data: ${leaks.map((l) => l.slice(0, 12)).join(', ')}…`);
    },
  };
}

/** Fails with the whole error list, so a broken query explains itself. */
export function expectNoErrors<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors:\n${JSON.stringify(res.errors, null, 2)}`);
  if (!res.data) throw new Error('GraphQL response has no data');
  return res.data;
}

/** Counts upstream calls by route template, e.g. `GET /contacts/{contactId}/tasks`. */
export function countByRoute(entries: Simulator['requests']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) {
    const key = `${e.method} ${e.route ?? e.path}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
