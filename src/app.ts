import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config/env.js';
import { createContext, type ContextDeps, type GraphQLContext } from './context.js';
import { GhlClient } from './ghl/client.js';
import { companyCredential, staticCredential } from './ghl/credentials.js';
import { InstallationRegistry } from './ghl/installations.js';
import { locationLevelScopes } from './ghl/operations.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { CachedFetcher, LruTtlCache, type TtlCache } from './loaders/cache.js';
import { schema } from './schema/index.js';
import { toClientError } from './schema/shared/errors.js';
import { startSimulator, type Simulator } from './simulator/server.js';
import { OAuthApp } from './ghl/oauth.js';
import type { TokenStore } from './ghl/token-store.js';
import { MemoryTokenStore } from './ghl/token-store.js';
import { openSqliteTokenStore } from './ghl/token-store-sqlite.js';
import { InstallationManager } from './installations/manager.js';
import { useGatewayRoutes } from './routes.js';
import { GHL_WEBHOOK_RSA_PUBLIC_KEY } from './webhooks/ghl-public-key.js';
import { ReplayGuard } from './webhooks/replay-guard.js';
import { createWebhookVerifier } from './webhooks/verify.js';
import { PollerRegistry } from './subscriptions/poller.js';
import { createChangePubSub } from './subscriptions/pubsub.js';
import { attachGraphqlWs } from './transports/ws.js';
import { webhookChangeHandlers } from './webhooks/changes.js';
import { useDashboard } from './dashboard/route.js';

export interface AppDeps {
  /** A simulator started by the caller (tests, benchmarks); the app uses it and does not stop it. */
  simulator?: Simulator;
  clock?: Clock;
  cache?: TtlCache;
  /** Where installations are kept; default from the configuration. */
  tokenStore?: TokenStore;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  server: Server;
  client: GhlClient;
  installations: InstallationRegistry;
  /** OAuth installations (null when no marketplace app is configured). */
  oauth: { app: OAuthApp; manager: InstallationManager } | null;
  tokenStore: TokenStore;
  /** Shared pollers behind subscriptions. */
  pollers: PollerRegistry;
  /** The simulator in use in simulator mode, else null. */
  simulator: Simulator | null;
  /** Listens on `port` (0 = any free port); resolves with the GraphQL endpoint URL. */
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

const EXAMPLE_QUERY = `# Contacts of the seeded location, with what GHL keeps about each.
# Every field is documented: hover a name, or open the Docs pane.
query NewestContacts {
  contacts(first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      email
      tags
      business { name }
      tasks { title dueDate completed }
      notes { body dateAdded }
      appointments { title startTime appointmentStatus }
    }
  }
}
`;

/** Builds the gateway. Nothing listens until `start()`; tests can call `app.yoga.fetch` directly. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const clock = deps.clock ?? systemClock;
  let simulator: Simulator | null = null;
  let ownsSimulator = false;
  if (config.mode === 'simulator') {
    simulator = deps.simulator ?? null;
    if (!simulator) {
      simulator = await startSimulator({
        latency: { fixedMs: config.simulator.latencyMs, jitterMs: 0 },
        seed: { contactsPerLocation: config.simulator.contactsPerLocation },
        activity: { running: config.simulator.activity },
      });
      ownsSimulator = true;
    }
  }
  const baseUrl = simulator?.baseUrl ?? config.ghl.baseUrl;
  if (!baseUrl) throw new Error('No GHL base URL: set GHL_BASE_URL or use simulator mode');

  const client = new GhlClient({
    baseUrl,
    requestTimeoutMs: config.ghl.requestTimeoutMs,
    clock,
    rateLimit: {
      burstMax: config.rateLimit.burstMax,
      burstWindowMs: config.rateLimit.burstWindowMs,
      dailyMax: config.rateLimit.dailyMax,
      interactiveMaxWaitMs: config.rateLimit.maxWaitMs,
    },
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

  const tokenStore = deps.tokenStore ?? openTokenStore(config);
  const oauth = await setUpOAuth(config, { client, tokenStore, installations, clock, simulator });

  const cache = deps.cache ?? new LruTtlCache({ maxEntries: config.cache.maxEntries, clock });
  const fetcher = new CachedFetcher(cache);
  const pollers = new PollerRegistry({ client, clock, pubsub: createChangePubSub(), bounds: config.subscriptions });
  const contextDeps: ContextDeps = {
    client,
    fetcher,
    pollers,
    installations,
    apiKeys: config.apiKeys,
    allowAnonymous: config.mode === 'simulator' || config.apiKeys.size === 0,
    tenantHashSecret: config.tenantHashSecret,
  };

  // The embedded simulator signs its webhooks with its own keys and sends them here (see start()).
  const embeddedWebhookKeys = ownsSimulator ? simulator!.webhooks.publicKeys : null;
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'GHL GraphQL gateway', defaultQuery: EXAMPLE_QUERY },
    context: ({ request }) => createContext(contextDeps, request),
    maskedErrors: { maskError: (error) => toClientError(error) },
    logging: config.logLevel === 'silent' ? false : config.logLevel,
    plugins: [
      useCostReport(),
      useGatewayRoutes({
        oauth,
        webhooks: {
          verify: createWebhookVerifier({
            rsaPublicKeyPem: config.webhooks.rsaPublicKeyPem ?? embeddedWebhookKeys?.rsa ?? GHL_WEBHOOK_RSA_PUBLIC_KEY,
            ed25519PublicKeyPem: config.webhooks.ed25519PublicKeyPem ?? embeddedWebhookKeys?.ed25519 ?? null,
          }),
          replayGuard: new ReplayGuard({ clock, windowMs: config.webhooks.replayWindowMs }),
          handlers: {
            ...webhookChangeHandlers({ pollers, fetcher, clock }),
            ...(oauth
              ? {
                  INSTALL: async (event) => oauth.manager.onInstallEvent(event as { companyId?: string; locationId?: string }),
                  UNINSTALL: async (event) => ((await oauth.manager.onUninstallEvent(event as { companyId?: string; locationId?: string })) ? 'disconnected' : 'unknown'),
                }
              : {}),
          },
        },
      }),
      useDashboard({ simulator }),
    ],
  });

  const server = createServer(yoga);
  const ws = attachGraphqlWs(server, yoga, '/graphql');
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    yoga,
    server,
    client,
    installations,
    oauth,
    tokenStore,
    pollers,
    simulator,
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
    async stop() {
      pollers.stopAll();
      await ws.close();
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await client.close();
      if (!deps.tokenStore) await tokenStore.close();
      if (ownsSimulator && simulator) await simulator.stop();
    },
  };
}

function openTokenStore(config: Config): TokenStore {
  if (config.tokenStore.kind === 'memory') return new MemoryTokenStore();
  return openSqliteTokenStore({ path: config.tokenStore.path, secret: config.tokenStore.encryptionKey! });
}

/**
 * OAuth is on when a marketplace app is configured, and always in simulator mode, where the
 * simulator plays GHL's marketplace too (its choose-location page and its app credentials).
 */
async function setUpOAuth(
  config: Config,
  deps: { client: GhlClient; tokenStore: TokenStore; installations: InstallationRegistry; clock: Clock; simulator: Simulator | null },
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
  });
  await manager.load();
  return { app, manager };
}

/**
 * Tells clients what their request cost upstream: `extensions.cost.upstreamCalls` (GHL calls
 * made, i.e. rate budget spent) and `cacheHits` (calls the cache saved).
 */
function useCostReport(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const meter = (args.contextValue as GraphQLContext).meter;
          setResult({ ...result, extensions: { ...result.extensions, cost: { upstreamCalls: meter.upstreamCalls, cacheHits: meter.cacheHits } } });
        },
      };
    },
  };
}
