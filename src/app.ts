import { createServer, type Server } from 'node:http';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config/env.js';
import { createContext, type ContextDeps, type GraphQLContext } from './context.js';
import { GhlClient } from './ghl/client.js';
import { companyCredential, staticCredential } from './ghl/credentials.js';
import { InstallationRegistry } from './ghl/installations.js';
import { locationLevelScopes } from './ghl/operations.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { CachedFetcher, LocalGenerations, LruTtlCache, type TtlCache } from './loaders/cache.js';
import { schema } from './schema/index.js';
import { toClientError } from './schema/shared/errors.js';
import { startSimulator, type Simulator } from './simulator/server.js';
import { OAuthApp } from './ghl/oauth.js';
import type { TokenStore } from './ghl/token-store.js';
import { MemoryTokenStore } from './ghl/token-store.js';
import { openSqliteTokenStore } from './ghl/token-store-sqlite.js';
import { InstallationManager } from './installations/manager.js';
import { OAuthStates, type UsedNonces } from './installations/oauth-state.js';
import { useGatewayRoutes } from './routes.js';
import { graphiqlOptions, renderGraphiQL, useGraphiQLAssets } from './server/graphiql.js';
import { originAllowlist, useBrowserGuard } from './browser-guard.js';
import { GHL_WEBHOOK_RSA_PUBLIC_KEY } from './webhooks/ghl-public-key.js';
import { ReplayGuard } from './webhooks/replay-guard.js';
import { createWebhookVerifier } from './webhooks/verify.js';
import { PollerRegistry } from './subscriptions/poller.js';
import { createChangePubSub } from './subscriptions/pubsub.js';
import { attachGraphqlWs } from './transports/ws.js';
import { webhookChangeHandlers } from './webhooks/changes.js';
import { useAuthBeforeParse } from './server/auth.js';
import { useCostLimit } from './server/cost.js';
import { createQueryJit } from './server/jit.js';
import { withMergedHttpHooks } from './server/merge-hooks.js';
import { useRequestLimits } from './server/limits.js';
import { redisHealth, shareIngest, startScaleOut } from './redis/index.js';
import type { RedisRefreshLock } from './redis/token-store.js';
import { createObservability, instrumentGateway, pollerReporter, refreshReporter, trackConnections, type GatewayMetrics, type Logger, type Readiness } from './observability/index.js';
import { useDashboard } from './dashboard/route.js';

export interface AppDeps {
  /** A simulator started by the caller (tests, benchmarks); the app uses it and does not stop it. */
  simulator?: Simulator;
  clock?: Clock;
  cache?: TtlCache;
  /** Where installations are kept; default from the configuration. */
  tokenStore?: TokenStore;
  /** Where log lines go; default from the configuration (tests capture them). */
  logger?: Logger;
  metrics?: GatewayMetrics;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  server: Server;
  client: GhlClient;
  installations: InstallationRegistry;
  /** OAuth installations (null when no marketplace app is configured). */
  oauth: { app: OAuthApp; manager: InstallationManager; states: OAuthStates } | null;
  tokenStore: TokenStore;
  /** Shared pollers behind subscriptions. */
  pollers: PollerRegistry;
  /** The simulator in use in simulator mode, else null. */
  simulator: Simulator | null;
  logger: Logger;
  metrics: GatewayMetrics;
  /** What `/ready` checks; other parts add theirs (e.g. Redis). */
  readiness: Readiness;
  /** Listens on `port` (0 = any free port); resolves with the GraphQL endpoint URL. */
  start(port?: number): Promise<string>;
  /**
   * Stops accepting, closes subscriptions (WebSocket: close code 1001; SSE: the stream ends),
   * lets in-flight requests finish for up to `deadlineMs` (default 0: cut them), then stops
   * pollers, the GHL client, the token store and an embedded simulator.
   */
  stop(opts?: { deadlineMs?: number }): Promise<void>;
}

/** Builds the gateway. Nothing listens until `start()`; tests can call `app.yoga.fetch` directly. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const clock = deps.clock ?? systemClock;
  const observability = createObservability(config, { clock, ...(deps.logger ? { logger: deps.logger } : {}), ...(deps.metrics ? { metrics: deps.metrics } : {}) });
  const { logger } = observability;
  let simulator: Simulator | null = null;
  let ownsSimulator = false;
  if (config.mode === 'simulator') {
    simulator = deps.simulator ?? null;
    if (!simulator) {
      simulator = await startSimulator({
        latency: { fixedMs: config.simulator.latencyMs, jitterMs: 0 },
        seed: { contactsPerLocation: config.simulator.contactsPerLocation },
        requestLogMax: config.bounds.simulatorRequestLogMax,
        activity: { running: config.simulator.activity },
      });
      ownsSimulator = true;
    }
  }
  const baseUrl = simulator?.baseUrl ?? config.ghl.baseUrl;
  if (!baseUrl) throw new Error('No GHL base URL: set GHL_BASE_URL or use simulator mode');

  // REDIS_URL: cache, budget, pub/sub, replay guard and tokens are shared with the other replicas.
  const scaleOut = await startScaleOut(config, clock, logger);
  const client = new GhlClient({
    baseUrl,
    requestTimeoutMs: config.ghl.requestTimeoutMs,
    clock,
    rateLimit: {
      burstMax: config.rateLimit.burstMax,
      burstWindowMs: config.rateLimit.burstWindowMs,
      dailyMax: config.rateLimit.dailyMax,
      interactiveMaxWaitMs: config.rateLimit.maxWaitMs,
      maxKeys: config.access.maxTenants,
      ...(scaleOut ? { sharedGate: scaleOut.rateGate } : {}),
    },
    requestWindowShare: config.access.requestWindowShare,
    refusedTokenTtlMs: config.access.refusedTokenTtlMs,
    retry: config.retry,
    circuitBreaker: config.circuitBreaker,
  });
  const installations = new InstallationRegistry();
  if (simulator) {
    for (const loc of simulator.locations) {
      installations.add(staticCredential({ locationId: loc.id, token: loc.token, scopes: locationLevelScopes() }));
    }
    // The simulator's agency install stands in for an agency that connected the app.
    installations.addCompany(simulator.agency.companyId, companyCredential({ companyId: simulator.agency.companyId, token: simulator.agency.accessToken, scopes: simulator.agency.scopes }));
  }
  for (const pit of config.ghl.privateIntegrations) {
    installations.add(staticCredential({ locationId: pit.locationId, token: pit.token, scopes: pit.scopes ?? locationLevelScopes() }));
  }

  const cache = deps.cache ?? scaleOut?.cacheTier.cache ?? new LruTtlCache({ maxEntries: config.cache.maxEntries, maxBytes: config.bounds.cacheMaxBytes, clock });
  const fetcher = new CachedFetcher(cache, undefined, scaleOut?.cacheTier.generations ?? new LocalGenerations(config.bounds.cacheMaxGenerations), config.cache.enabled);
  const pubsub = scaleOut?.pubsub ?? createChangePubSub();
  const pollers = new PollerRegistry({
    client,
    clock,
    pubsub,
    bounds: { ...config.subscriptions, windowMaxIds: config.bounds.windowMaxIds },
    reporter: pollerReporter(logger),
    ...(scaleOut ? { leases: scaleOut.pollLeases, history: scaleOut.history } : {}),
  });
  // Webhooks and writes land on one replica; the topic's lease holder may be another.
  if (scaleOut) shareIngest(scaleOut.link, pollers);
  const tokenStore = deps.tokenStore ?? scaleOut?.tokenStore ?? openTokenStore(config);
  const oauth = await setUpOAuth(config, {
    client,
    tokenStore,
    installations,
    clock,
    simulator,
    ...(scaleOut ? { refreshLock: scaleOut.refreshLock, usedNonces: scaleOut.usedNonces } : {}),
    onRefresh: refreshReporter(observability.metrics, logger),
    // A disconnected installation's data is no longer ours to serve, nor to poll for.
    onDisconnected: (tenantKey) => {
      void fetcher.dropTenant(tenantKey).catch(() => undefined);
      pollers.stopTenant(tenantKey, { code: 'REAUTH_REQUIRED', message: 'The GHL installation was disconnected; reinstall the app to reconnect.' });
    },
    log: (message, fields) => logger.warn(fields ?? {}, message),
  });
  if (oauth && tokenStore === scaleOut?.tokenStore) scaleOut.tokenStore.onChange((id) => void oauth.manager.reload(id).catch(() => undefined));
  if (scaleOut) {
    // Ready even with Redis away (the gateway degrades to local behaviour), but say so.
    observability.readiness.addCheck('redis', async () => {
      const health = await redisHealth(scaleOut);
      return { ok: true, degraded: !health?.ok, detail: health?.ok ? `connected (${health.latencyMs} ms)` : `unreachable: ${health?.error ?? 'unknown'}` };
    });
  }
  observability.readiness.addCheck('installations', () => ({ ok: true, detail: `${installations.locationIds().length} loaded` }));
  instrumentGateway({ ...observability, client, fetcher, pollers: () => pollers, installations, burstMax: config.rateLimit.burstMax });
  const contextDeps: ContextDeps = {
    client,
    fetcher,
    pollers,
    installations,
    apiKeys: config.apiKeys,
    allowAnonymous: config.access.allowAnonymous,
    passThrough: config.access.passThrough,
    tenantHashSecret: config.tenantHashSecret,
    prefetch: config.prefetch,
  };

  const earlyAuth = useAuthBeforeParse(contextDeps, '/graphql');
  const jit = config.jit ? createQueryJit(config.jit) : null;
  if (jit) {
    observability.metrics.gaugeFrom('gateway_jit_documents', 'Query documents the compiler remembers (src/server/jit.ts).', [], () => [[{}, jit.stats().documents]]);
    observability.metrics.counterFrom('gateway_jit_compilations_total', 'Query operations compiled by graphql-jit since start.', () => jit.stats().compilations);
    observability.metrics.counterFrom('gateway_jit_refusals_total', 'Query operations graphql-jit could not compile (they run on the standard executor).', () => jit.stats().refusals);
  }
  // The embedded simulator signs its webhooks with its own keys and sends them here (see start()).
  const embeddedWebhookKeys = ownsSimulator ? simulator!.webhooks.publicKeys : null;
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    cors: false, // the browser guard below is the one CORS policy
    graphiql: graphiqlOptions(),
    renderGraphiQL,
    context: ({ request }) => createContext(contextDeps, request, earlyAuth.credentialOf(request)),
    maskedErrors: { maskError: (error) => toClientError(error, { fieldSuggestions: config.limits.fieldSuggestions }) },
    logging: observability.yogaLogger,
    // One onRequest and one onResponse hook for all of them (src/server/merge-hooks.ts says why).
    plugins: withMergedHttpHooks([
      // Request ids and the access log see every request; then browser rules (CORS preflights,
      // form posts), who is calling, and the limits.
      ...observability.plugins,
      useBrowserGuard({ corsOrigins: config.access.corsOrigins, graphqlEndpoint: '/graphql' }),
      earlyAuth.plugin,
      ...useRequestLimits(config.limits),
      useCostLimit(schema, config.limits),
      ...(jit ? [jit.plugin] : []),
      useGraphiQLAssets(),
      useGatewayRoutes({
        oauth,
        webhooks: {
          verify: createWebhookVerifier({
            rsaPublicKeyPem: config.webhooks.rsaPublicKeyPem ?? embeddedWebhookKeys?.rsa ?? GHL_WEBHOOK_RSA_PUBLIC_KEY,
            ed25519PublicKeyPem: config.webhooks.ed25519PublicKeyPem ?? embeddedWebhookKeys?.ed25519 ?? null,
          }),
          replayGuard: scaleOut?.replayGuard ?? new ReplayGuard({ clock, windowMs: config.webhooks.replayWindowMs, maxIds: config.bounds.replayMaxIds }),
          maxBodyBytes: config.webhooks.maxBodyBytes,
          log: (message, fields) => logger.warn(fields ?? {}, message),
          handlers: {
            ...webhookChangeHandlers({ pollers, fetcher, clock }),
            ...(oauth
              ? {
                  INSTALL: async (event) => oauth.manager.onInstallEvent(event as { companyId?: string; locationId?: string }),
                  UNINSTALL: async (event) => {
                    const outcome = await oauth.manager.onUninstallEvent(event as { companyId?: string; locationId?: string });
                    return outcome === 'foreign-app' ? outcome : outcome ? 'disconnected' : 'unknown';
                  },
                }
              : {}),
          },
        },
      }),
      useDashboard({ simulator }),
    ]),
  });

  const server = createServer(yoga);
  const ws = attachGraphqlWs(server, yoga, '/graphql', { originAllowed: originAllowlist(config.access.corsOrigins) });
  const connections = trackConnections(server);

  return {
    yoga,
    server,
    client,
    installations,
    oauth,
    tokenStore,
    pollers,
    simulator,
    logger,
    metrics: observability.metrics,
    readiness: observability.readiness,
    start(port = config.port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.host, () => {
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          // Loopback when listening on every interface: the simulator runs in this process.
          const hookHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
          if (ownsSimulator) simulator!.webhooks.configure({ url: `http://${hookHost}:${actualPort}/webhooks/ghl` });
          resolve(`http://${config.host}:${actualPort}/graphql`);
        });
      });
    },
    async stop(opts = {}) {
      const deadlineMs = opts.deadlineMs ?? 0;
      observability.readiness.drain();
      pollers.stopAll();
      await Promise.all([ws.close(Math.min(deadlineMs, 2_000)), connections.drain(deadlineMs)]);
      await client.close();
      if (!deps.tokenStore) await tokenStore.close();
      if (ownsSimulator && simulator) await simulator.stop();
      await scaleOut?.close();
    },
  };
}

function openTokenStore(config: Config): TokenStore {
  if (config.tokenStore.kind === 'memory') return new MemoryTokenStore();
  if (config.tokenStore.kind === 'redis') throw new Error('TOKEN_STORE=redis needs REDIS_URL');
  return openSqliteTokenStore({ path: config.tokenStore.path, secret: config.tokenStore.encryptionKey! });
}

/**
 * OAuth is on when a marketplace app is configured, and always in simulator mode, where the
 * simulator plays GHL's marketplace too (its choose-location page and its app credentials).
 */
async function setUpOAuth(
  config: Config,
  deps: {
    client: GhlClient;
    tokenStore: TokenStore;
    installations: InstallationRegistry;
    clock: Clock;
    simulator: Simulator | null;
    refreshLock?: RedisRefreshLock;
    usedNonces?: UsedNonces;
    onRefresh: (outcome: 'ok' | 'refused' | 'failed', error?: unknown) => void;
    onDisconnected: (tenantKey: string) => void;
    log: (message: string, fields?: Record<string, unknown>) => void;
  },
): Promise<App['oauth']> {
  const simApp = deps.simulator?.oauthApp;
  const clientId = config.oauth.clientId ?? simApp?.clientId;
  const clientSecret = config.oauth.clientSecret ?? simApp?.clientSecret;
  if (!clientId || !clientSecret) return null;
  const app = new OAuthApp(
    {
      clientId,
      clientSecret,
      redirectUri: config.oauth.redirectUri,
      scopes: config.oauth.scopes ?? locationLevelScopes(),
      marketplaceUrl: deps.simulator && !config.oauth.clientId ? deps.simulator.baseUrl : config.oauth.marketplaceUrl,
    },
    deps.client,
  );
  const manager = new InstallationManager({
    app,
    store: deps.tokenStore,
    registry: deps.installations,
    clock: deps.clock,
    refreshAheadMs: config.oauth.refreshAheadMs,
    maxInstallations: config.access.maxInstallations,
    onDisconnected: deps.onDisconnected,
    log: deps.log,
    ...(deps.refreshLock ? { refreshLock: deps.refreshLock } : {}),
    onRefresh: deps.onRefresh,
  });
  await manager.load();
  // The state is signed with the app's secret: only this app could have issued it.
  return { app, manager, states: new OAuthStates({ secret: clientSecret, clock: deps.clock, ...(deps.usedNonces ? { usedNonces: deps.usedNonces } : {}) }) };
}

