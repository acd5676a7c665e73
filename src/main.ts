import { buildApp } from './app.js';
import { loadConfig } from './config/env.js';
import { createLogger, exitOnSignals, guardProcess, tuneRuntime } from './observability/index.js';

tuneRuntime();

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
const app = await buildApp(config, { logger });
guardProcess({ logger, metrics: app.metrics });
exitOnSignals({ logger, deadlineMs: config.operations.shutdownDeadlineMs, stop: (deadlineMs) => app.stop({ deadlineMs }) });
const url = await app.start();
logger.info({ mode: config.mode, url, dashboard: url.replace(/\/graphql$/, '/dashboard'), simulator: app.simulator ? { baseUrl: app.simulator.baseUrl, locations: app.simulator.locations.map((l) => l.id) } : undefined }, `GHL GraphQL gateway (${config.mode} mode): ${url}  (GraphiQL: open it in a browser)`);
if (config.mode === 'live' && config.apiKeys.size === 0 && !config.access.allowAnonymous && !config.access.passThrough) {
  logger.warn('No GATEWAY_API_KEYS: every request will be refused with 401. Set GATEWAY_API_KEYS, or GATEWAY_ALLOW_ANONYMOUS=on on a private network.');
}
logger.info(`Live dashboard: ${url.replace(/\/graphql$/, '/dashboard')}`);
