import type { Plugin } from 'graphql-yoga';
import type { GhlClient } from '../ghl/client.js';
import type { InstallationRegistry } from '../ghl/installations.js';
import type { CachedFetcher } from '../loaders/cache.js';
import type { PollerRegistry, PollerReporter } from '../subscriptions/poller.js';
import type { UpstreamHealth } from './health.js';
import type { Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';

/** Something the cache can tell about its size (LruTtlCache; a Redis cache may not). */
interface SizedCache {
  size?: number;
  bytes?: number;
}

/**
 * Connects the gateway's parts to metrics and logs. Counters kept by the parts themselves (cache
 * lookups, 429s, limiter queues, circuits) are read when Prometheus scrapes, so nothing here runs
 * on the hot path except one observer per upstream exchange.
 */
export function instrumentGateway(deps: {
  metrics: GatewayMetrics;
  logger: Logger;
  client: GhlClient;
  fetcher: CachedFetcher;
  pollers: () => PollerRegistry;
  installations: InstallationRegistry;
  upstream: UpstreamHealth;
  burstMax: number;
}): void {
  const { metrics, logger, client, fetcher, installations } = deps;

  client.onResponse(({ operation, status, durationMs }) => {
    metrics.upstreamCalls.inc({ ghl_operation: operation.key, status: String(status) });
    metrics.upstreamSeconds.observe({ ghl_operation: operation.key }, durationMs / 1000);
    if (status === 429) metrics.upstream429.inc();
    deps.upstream.record(status);
    if (status === 0 || status >= 500) logger.warn({ ghlOperation: operation.key, status, durationMs }, 'GHL call failed');
    else logger.debug({ ghlOperation: operation.key, status, durationMs }, 'GHL call');
  });

  metrics.counterFrom('gateway_cache_hits_total', 'Cross-request cache lookups that found a value.', () => fetcher.stats.hits);
  metrics.counterFrom('gateway_cache_joined_total', 'Cross-request cache lookups that found no value but joined a load of the same key already in flight (no upstream call of their own).', () => fetcher.stats.joined);
  metrics.counterFrom('gateway_cache_misses_total', 'Cross-request cache lookups that found nothing (or timed out) and loaded.', () => fetcher.stats.misses);
  const cache = fetcher.cache as SizedCache;
  metrics.gaugeFrom('gateway_cache_entries', 'Entries in the in-process cache.', [], () => (typeof cache.size === 'number' ? [[{}, cache.size]] : []));
  metrics.gaugeFrom('gateway_cache_bytes', 'Estimated bytes held by the in-process cache.', [], () => (typeof cache.bytes === 'number' ? [[{}, cache.bytes]] : []));
  metrics.counterFrom('gateway_ghl_retries_total', 'Upstream attempts repeated after a safe-to-retry failure.', () => client.stats.retries);

  const perLocation = <T>(read: (locationId: string) => T, add: (acc: T | undefined, v: T) => T) => {
    const out = new Map<string, T>();
    for (const { id, label } of metrics.locationLabels(installations.locationIds())) out.set(label, add(out.get(label), read(id)));
    return out;
  };
  metrics.gaugeFrom('gateway_rate_budget_remaining', 'Burst slots left in the current window, per held location (`other`: the rest, summed).', ['location'], function* () {
    const used = perLocation((id) => client.limiter.stats(id).usedInWindow, (a, v) => (a ?? 0) + v);
    const counts = perLocation(() => 1, (a, v) => (a ?? 0) + v);
    for (const [location, u] of used) yield [{ location }, Math.max(0, (counts.get(location) ?? 1) * deps.burstMax - u)];
  });
  metrics.gaugeFrom('gateway_rate_queue_depth', 'Calls waiting for rate budget, per held location and priority.', ['location', 'priority'], function* () {
    const queued = perLocation((id) => client.limiter.stats(id).queued, (a, v) => ({ interactive: (a?.interactive ?? 0) + v.interactive, background: (a?.background ?? 0) + v.background }));
    for (const [location, q] of queued) {
      yield [{ location, priority: 'interactive' }, q.interactive];
      yield [{ location, priority: 'background' }, q.background];
    }
  });
  metrics.gaugeFrom('gateway_rate_wait_seconds_total', 'Total time calls spent waiting for rate budget, per held location.', ['location'], function* () {
    for (const [location, ms] of perLocation((id) => client.limiter.stats(id).waitedMs, (a, v) => (a ?? 0) + v)) yield [{ location }, ms / 1000];
  });
  metrics.gaugeFrom('gateway_circuit_open', 'Held locations whose circuit is open (1) or half-open (0.5); 0 when closed.', ['location'], function* () {
    const states = perLocation((id) => circuitValue(client.breakers.state(id)), (a, v) => Math.max(a ?? 0, v));
    for (const [location, v] of states) yield [{ location }, v];
  });
  metrics.gaugeFrom('gateway_installations', 'Installations held in memory.', [], () => [[{}, installations.locationIds().length]]);
  metrics.gaugeFrom('gateway_pollers_active', 'Shared pollers running.', [], () => [[{}, deps.pollers().list().length]]);
  metrics.gaugeFrom('gateway_subscribers_active', 'Subscriptions served by the shared pollers.', [], () => [[{}, deps.pollers().list().reduce((n, p) => n + p.subscribers, 0)]]);
}

function circuitValue(state: string): number {
  return state === 'open' ? 1 : state === 'half-open' ? 0.5 : 0;
}

/** Poller failures as log lines: expected ones at `warn`, bugs at `error`. */
export function pollerReporter(logger: Logger): PollerReporter {
  return {
    pollFailed: ({ resource, code, fatal, error }) => logger.warn({ resource, code, fatal, err: error }, fatal ? 'subscription poller stopped' : 'subscription poll failed; backing off'),
    unexpected: ({ resource, error }) => logger.error({ resource, err: error }, 'subscription poller error'),
  };
}

/** Token refresh outcomes as metrics and log lines. */
export function refreshReporter(metrics: GatewayMetrics, logger: Logger) {
  return (outcome: 'ok' | 'refused' | 'failed', error?: unknown) => {
    metrics.tokenRefreshes.inc({ outcome });
    if (outcome === 'ok') logger.debug('token refreshed');
    else if (outcome === 'refused') logger.warn({ err: error }, 'token refresh refused: installation disconnected');
    else logger.error({ err: error }, 'token refresh failed; will try again');
  };
}

/** Webhook deliveries by outcome, from the route's response (status, then the handler's outcome word). */
export function useWebhookMetrics(metrics: GatewayMetrics, path = '/webhooks/ghl'): Plugin {
  // Marked when the request comes in, from the URL Yoga parsed already: every other response
  // passes by with one look-up, and without waiting a turn for an async hook.
  const deliveries = new WeakSet<Request>();
  return {
    onRequest({ request, url }) {
      if (request.method === 'POST' && url.pathname === path) deliveries.add(request);
    },
    onResponse({ request, response }) {
      if (!deliveries.has(request)) return;
      return webhookOutcome(response).then((outcome) => void metrics.webhookEvents.inc({ outcome }));
    },
  };
}

const WEBHOOK_STATUS_OUTCOMES: Record<number, string> = { 401: 'refused', 400: 'malformed', 409: 'replayed', 500: 'failed' };
const KNOWN_OUTCOMES = new Set(['ignored', 'stored', 'known', 'disconnected', 'unknown']);

async function webhookOutcome(response: Response): Promise<string> {
  const byStatus = WEBHOOK_STATUS_OUTCOMES[response.status];
  if (byStatus) return byStatus;
  if (response.status !== 200) return 'other';
  try {
    const body = (await response.clone().json()) as { outcome?: unknown };
    const outcome = typeof body.outcome === 'string' ? body.outcome : '';
    if (outcome.startsWith('published')) return 'published';
    return KNOWN_OUTCOMES.has(outcome) ? outcome : 'handled';
  } catch {
    return 'handled';
  }
}
