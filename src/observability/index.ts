import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config/env.js';
import type { Clock } from '../lib/clock.js';
import { useAccessLog, yogaLogger } from './access-log.js';
import { Readiness, UpstreamHealth, useOperationalRoutes } from './health.js';
import { useWebhookMetrics } from './instrument.js';
import { createLogger, type Logger } from './logger.js';
import { GatewayMetrics } from './metrics.js';

export { instrumentGateway, pollerReporter, refreshReporter } from './instrument.js';
export { trackConnections, exitOnSignals, guardProcess } from './shutdown.js';
export { tuneRuntime } from './runtime.js';
export { createLogger, flushLogger, type Logger } from './logger.js';
export { GatewayMetrics } from './metrics.js';
export { Readiness, type ReadinessCheck } from './health.js';

/** Logs, metrics and health of one app: what `buildApp` wires in. */
export interface Observability {
  logger: Logger;
  metrics: GatewayMetrics;
  readiness: Readiness;
  upstream: UpstreamHealth;
  /** Yoga plugins: /health, /ready, /metrics, request ids and access lines, webhook counts. */
  plugins: Plugin[];
  /** Yoga's own logger, onto ours. */
  yogaLogger: ReturnType<typeof yogaLogger>;
}

export function createObservability(config: Config, deps: { clock: Clock; logger?: Logger; metrics?: GatewayMetrics }): Observability {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, pretty: config.logPretty });
  const metrics = deps.metrics ?? new GatewayMetrics({ maxLocationLabels: config.operations.metricsMaxLocationLabels });
  const upstream = new UpstreamHealth({ clock: deps.clock, staleMs: config.operations.readyUpstreamStaleMs });
  const readiness = new Readiness();
  readiness.addCheck('ghl', () => upstream.check());
  return {
    logger,
    metrics,
    readiness,
    upstream,
    plugins: [useAccessLog({ logger, metrics }), useOperationalRoutes({ readiness, metrics }), useWebhookMetrics(metrics)],
    yogaLogger: yogaLogger(logger),
  };
}
