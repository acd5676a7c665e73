import { z } from 'zod';

/**
 * The only reader of the environment. Everything else receives a frozen `Config`.
 *
 * With nothing set, the gateway runs in `simulator` mode: it starts the local GHL simulator
 * in-process and serves its seeded locations, so a bare `npm start` is explorable.
 * In `live` mode it talks to `GHL_BASE_URL` (real GHL or a standalone simulator).
 */

const intFromEnv = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a non-negative integer, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const boolFromEnv = z.enum(['true', 'false', '1', '0']).optional().transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

const listFromEnv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : []));

/**
 * Every variable the gateway reads. The doc comment of each is its documentation: `npm run
 * codegen` prints them, with the defaults, as the README's configuration table (`@default` names
 * a default the schema cannot show, e.g. one derived from other variables).
 */
export const EnvSchema = z.object({
  /** Port the gateway listens on. */
  PORT: intFromEnv(4000),
  /** Interface the gateway listens on. */
  HOST: z.string().default('127.0.0.1'),
  /**
   * `simulator` starts the GHL simulator in-process; `live` talks to GHL_BASE_URL.
   * @default `simulator` unless GHL_BASE_URL is set
   */
  GHL_MODE: z.enum(['simulator', 'live']).optional(),
  /**
   * GHL's API (`https://services.leadconnectorhq.com`) or a standalone simulator.
   * @default unset: simulator mode
   */
  GHL_BASE_URL: z.url().optional(),
  /** A location served with a private integration token (with GHL_PRIVATE_INTEGRATION_TOKEN). */
  GHL_LOCATION_ID: z.string().min(1).optional(),
  /** That location's private integration token. */
  GHL_PRIVATE_INTEGRATION_TOKEN: z.string().min(1).optional(),
  /**
   * Space- or comma-separated scopes granted to the private integration token.
   * @default every location-level catalog scope
   */
  GHL_PRIVATE_INTEGRATION_SCOPES: listFromEnv,
  /**
   * More private integration tokens, one per location, as JSON:
   * `[{"locationId":"…","token":"…","scopes":["contacts.readonly"]}]` (scopes optional: all location scopes).
   */
  GHL_PRIVATE_INTEGRATIONS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [];
      try {
        return z.array(z.object({ locationId: z.string().min(1), token: z.string().min(1), scopes: z.array(z.string()).optional() })).parse(JSON.parse(v));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected a JSON array of {locationId, token, scopes?}' });
        return z.NEVER;
      }
    }),
  /** Latency the embedded simulator adds to every call, for demos. */
  SIMULATOR_LATENCY_MS: intFromEnv(0),
  /** Contacts the embedded simulator seeds in each of its locations. */
  SIMULATOR_CONTACTS_PER_LOCATION: intFromEnv(300),
  /** `true`: the embedded simulator makes steady, realistic changes from the start (the dashboard toggles it too). */
  SIMULATOR_ACTIVITY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Per-call upstream timeout. */
  GHL_REQUEST_TIMEOUT_MS: intFromEnv(15_000),
  /** Cross-request cache size (entries) for the in-process TTL cache. */
  CACHE_MAX_ENTRIES: intFromEnv(50_000),
  /**
   * Secret for hashing pass-through credentials into tenant keys (never stored, never logged).
   * @default random per process
   */
  TENANT_HASH_SECRET: z.string().min(16).optional(),
  /**
   * Gateway API keys, `key=locationId` pairs separated by commas. When set, callers must present
   * one (or their own GHL token) as a bearer token. When unset, callers may use the gateway's held
   * installations without a key: fine for the simulator and a private network, not for the internet.
   */
  GATEWAY_API_KEYS: listFromEnv,
  /**
   * `on`: callers may bring their own GHL token (with `x-location-id`), budgeted under its own tenant.
   * @default on in simulator mode without API keys, else off
   */
  GATEWAY_PASSTHROUGH: z.enum(['on', 'off']).optional(),
  /**
   * `on`: callers without a credential may use the held installations (for a private network).
   * @default on in simulator mode without API keys, else off
   */
  GATEWAY_ALLOW_ANONYMOUS: z.enum(['on', 'off']).optional(),
  /**
   * Browser origins allowed by CORS, comma-separated, or `*` (any origin, never with credentials).
   * @default none in live mode, `*` in simulator mode
   */
  CORS_ORIGINS: listFromEnv,
  /**
   * Share (0 < x ≤ 1) of a location's burst window one GraphQL request may hold, so other clients of the location are served beside it.
   * @default `0.5`
   */
  GATEWAY_REQUEST_WINDOW_SHARE: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 0.5;
      const n = Number(v);
      if (!(n > 0 && n <= 1)) {
        ctx.addIssue({ code: 'custom', message: `expected a number in (0, 1], got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  /** OAuth installations held at most; past it a new install is refused (those already held are never dropped). */
  GATEWAY_MAX_INSTALLATIONS: intFromEnv(10_000),
  /** Rate-limiter state kept for at most this many tenants (locations and pass-through tokens); idle ones are evicted first. */
  GATEWAY_MAX_TENANTS: intFromEnv(10_000),
  /** How long a token GHL refused (401) is refused again without asking GHL. */
  GATEWAY_REFUSED_TOKEN_TTL_MS: intFromEnv(60_000),
  /**
   * Marketplace app client id; OAuth installs are enabled when it and GHL_CLIENT_SECRET are set.
   * @default the simulator's app in simulator mode
   */
  GHL_CLIENT_ID: z.string().min(1).optional(),
  /**
   * Marketplace app client secret.
   * @default the simulator's app in simulator mode
   */
  GHL_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Where GHL sends people back after an install.
   * @default `http://HOST:PORT/oauth/callback`
   */
  GHL_OAUTH_REDIRECT_URI: z.url().optional(),
  /**
   * Scopes requested at install, space- or comma-separated.
   * @default every location-level catalog scope
   */
  GHL_OAUTH_SCOPES: listFromEnv,
  /** GHL's marketplace, where the choose-location page of an install lives. */
  GHL_MARKETPLACE_URL: z.url().default('https://marketplace.gohighlevel.com'),
  /**
   * `sqlite` persists installations in TOKEN_STORE_PATH; `redis` in REDIS_URL (several replicas); `memory` forgets them at exit.
   * @default `redis` with REDIS_URL and TOKEN_ENCRYPTION_KEY, `sqlite` with OAuth in live mode, else `memory`
   */
  TOKEN_STORE: z.enum(['sqlite', 'memory', 'redis']).optional(),
  /** The SQLite file of the sqlite token store. */
  TOKEN_STORE_PATH: z.string().default('.data/installations.db'),
  /** Secret that seals tokens at rest (at least 32 characters). Required for the sqlite store. */
  TOKEN_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Refresh a token in the background once it has less than this left. */
  OAUTH_REFRESH_AHEAD_MS: intFromEnv(300_000),
  /** Calls per burst window GHL allows each app and location (docs: 100 per 10 s). */
  GHL_RATE_BURST_MAX: intFromEnv(100),
  /** Length of GHL's burst window. */
  GHL_RATE_BURST_WINDOW_MS: intFromEnv(10_000),
  /** Calls per day GHL allows each app and location (docs: 200,000). */
  GHL_RATE_DAILY_MAX: intFromEnv(200_000),
  /** How long an interactive query may wait for rate budget before failing with RATE_LIMITED. */
  GHL_RATE_MAX_WAIT_MS: intFromEnv(10_000),
  /** Attempts in all for a retryable call (reads and idempotent writes), the first included. */
  GHL_RETRY_MAX_ATTEMPTS: intFromEnv(4),
  /** First retry backoff before jitter; doubles per attempt. */
  GHL_RETRY_BASE_DELAY_MS: intFromEnv(200),
  /** Percentage of upstream calls failing (5xx, timeouts, network) over the window that opens a location's circuit. */
  GHL_CIRCUIT_FAILURE_RATE: intFromEnv(50),
  /** Calls a location must make in the window before its failure rate can open the circuit. */
  GHL_CIRCUIT_MIN_CALLS: intFromEnv(40),
  /** The rolling window the failure rate is measured over. */
  GHL_CIRCUIT_WINDOW_MS: intFromEnv(30_000),
  /** How long an open circuit fails fast before one probe call is let through. */
  GHL_CIRCUIT_OPEN_MS: intFromEnv(10_000),
  /** Poll interval of a subscription that asks for none. */
  SUBSCRIPTION_POLL_INTERVAL_MS: intFromEnv(60_000),
  /** Shortest poll interval a subscription may ask for. */
  SUBSCRIPTION_POLL_MIN_MS: intFromEnv(5_000),
  /** Longest poll interval a subscription may ask for. */
  SUBSCRIPTION_POLL_MAX_MS: intFromEnv(900_000),
  /**
   * PEM of the RSA key that verifies `x-wh-signature`; `\n` escapes allowed.
   * @default GHL's published key
   */
  GHL_WEBHOOK_PUBLIC_KEY: z.string().optional(),
  /** PEM of the Ed25519 key that verifies `x-ghl-signature`; `\n` escapes allowed. */
  GHL_WEBHOOK_ED25519_PUBLIC_KEY: z.string().optional(),
  /** Webhooks older or newer than this are refused (replay guard). */
  WEBHOOK_REPLAY_WINDOW_MS: intFromEnv(300_000),
  /** `off` stops root fields from loading their children together with themselves (for comparison). */
  GATEWAY_PREFETCH: z.enum(['on', 'off']).default('on'),
  /**
   * Hot queries run compiled by graphql-jit (src/server/jit.ts): `on` or `off`. Off, every
   * operation runs on graphql-js's standard executor.
   */
  GATEWAY_JIT: z.enum(['on', 'off']).default('on'),
  /** The execution of a query document at which it is compiled; the ones before run uncompiled. */
  GATEWAY_JIT_HOT_AFTER: intFromEnv(3),
  /** Query documents the compiler remembers (counted or compiled), least recently used forgotten. */
  GATEWAY_JIT_MAX_DOCUMENTS: intFromEnv(500),
  /**
   * `off` sends every read upstream: no cross-request cache, no sharing of concurrent loads, no
   * per-request deduplication by the loaders. A baseline for benchmarks, not for production.
   */
  GATEWAY_CACHE: z.enum(['on', 'off']).default('on'),
  /** How much the gateway logs. */
  /**
   * Redis for several replicas (`redis://host:port/db`): cache, rate budget, pub/sub, poll leases, tokens.
   * @default unset: everything in-process
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL').optional(),
  /** Prefix of every Redis key and channel, so deployments (or test runs) can share a server. */
  REDIS_KEY_PREFIX: z.string().min(1).default('ghl-gw:'),
  /** Lifetime of the in-process copy (L1) in front of the Redis cache; bounds staleness while Redis is away. */
  REDIS_L1_TTL_MS: intFromEnv(1_000),
  /** A replica's lease on polling a topic; another takes over within this long after it dies. */
  SUBSCRIPTION_LEASE_MS: intFromEnv(10_000),
  /** How much the gateway logs. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest GraphQL request body, in bytes; checked while it is read (413 past it). */
  GRAPHQL_MAX_BODY_BYTES: intFromEnv(1_048_576),
  /** Largest webhook body, in bytes; GHL's events are a few KB. */
  WEBHOOK_MAX_BODY_BYTES: intFromEnv(262_144),
  /** Deepest selection a document may have, checked before execution (QUERY_TOO_COMPLEX past it). */
  GRAPHQL_MAX_DEPTH: intFromEnv(12),
  /** Most aliases a document may use. */
  GRAPHQL_MAX_ALIASES: intFromEnv(30),
  /** Most lexical tokens a document may have; checked while parsing. */
  GRAPHQL_MAX_TOKENS: intFromEnv(5_000),
  /** Most directives a document may use. */
  GRAPHQL_MAX_DIRECTIVES: intFromEnv(50),
  /** Worst-case GHL calls one operation may make, estimated before any call (README, "Limits"). */
  GRAPHQL_MAX_UPSTREAM_CALLS: intFromEnv(200),
  /** Worst-case objects one result may hold, estimated before execution. */
  GRAPHQL_MAX_RESULT_OBJECTS: intFromEnv(5_000),
  /**
   * "Did you mean …" hints in validation errors (`true`/`false`).
   * @default on in simulator mode, off in live mode
   */
  GRAPHQL_FIELD_SUGGESTIONS: boolFromEnv,
  /**
   * Schema introspection (`true`/`false`); GraphiQL's docs need it.
   * @default `true`
   */
  GRAPHQL_INTROSPECTION: boolFromEnv,
  /** Human-readable logs: `auto` (only when stdout is a terminal), `true` or `false`. JSON lines otherwise. */
  LOG_PRETTY: z.enum(['auto', 'true', 'false']).default('auto'),
  /** On SIGTERM, how long in-flight requests may take to finish before connections are cut. */
  SHUTDOWN_DEADLINE_MS: intFromEnv(10_000),
  /** `/ready` fails when GHL has answered nothing but failures for this long. */
  READY_UPSTREAM_STALE_MS: intFromEnv(60_000),
  /** Cross-request cache size in bytes (estimated from each value's JSON length). */
  CACHE_MAX_BYTES: intFromEnv(128 * 1024 * 1024),
  /** Tenant-and-resource generation counters kept; the least recently bumped are forgotten first. */
  CACHE_MAX_GENERATIONS: intFromEnv(100_000),
  /** Ids a window poller (e.g. recently updated contacts) remembers; the oldest are forgotten first. */
  SUBSCRIPTION_WINDOW_MAX_IDS: intFromEnv(10_000),
  /** Webhook ids remembered against replays; the oldest are forgotten first. */
  WEBHOOK_REPLAY_MAX_IDS: intFromEnv(100_000),
  /** Entries the embedded simulator keeps in its request log (a ring buffer). */
  SIMULATOR_REQUEST_LOG_MAX: intFromEnv(10_000),
  /** Locations named in per-location metrics labels; the rest are summed under `other`. */
  METRICS_MAX_LOCATION_LABELS: intFromEnv(50),
});

export interface PrivateIntegration {
  locationId: string;
  token: string;
  /** Scopes declared for this token; `null` means every catalog scope. */
  scopes: readonly string[] | null;
}

export interface Config {
  port: number;
  host: string;
  mode: 'simulator' | 'live';
  ghl: {
    /** Set in live mode; in simulator mode the app fills it in once the simulator listens. */
    baseUrl: string | null;
    requestTimeoutMs: number;
    privateIntegrations: readonly PrivateIntegration[];
  };
  simulator: { latencyMs: number; contactsPerLocation: number; activity: boolean };
  /** `enabled: false`: every read goes upstream (GATEWAY_CACHE=off, a benchmark baseline). */
  cache: { maxEntries: number; enabled: boolean };
  oauth: {
    clientId: string | null;
    clientSecret: string | null;
    redirectUri: string;
    scopes: readonly string[] | null;
    marketplaceUrl: string;
    refreshAheadMs: number;
  };
  tokenStore: { kind: 'sqlite' | 'memory' | 'redis'; path: string; encryptionKey: string | null };
  /** Null: one process, everything in-process. */
  redis: { url: string; keyPrefix: string; l1TtlMs: number; leaseMs: number } | null;
  rateLimit: { burstMax: number; burstWindowMs: number; dailyMax: number; maxWaitMs: number };
  retry: { maxAttempts: number; baseDelayMs: number };
  subscriptions: { defaultIntervalMs: number; minIntervalMs: number; maxIntervalMs: number };
  circuitBreaker: { failureRate: number; minimumCalls: number; windowMs: number; openMs: number };
  webhooks: { rsaPublicKeyPem: string | null; ed25519PublicKeyPem: string | null; replayWindowMs: number; maxBodyBytes: number };
  /** API key → location id. */
  apiKeys: ReadonlyMap<string, string>;
  /** Who gets in besides API-key holders (see README, "Who is calling"). */
  access: {
    /** Callers may bring their own GHL token. */
    passThrough: boolean;
    /** Callers without a credential may use the held installations. */
    allowAnonymous: boolean;
    /** Allowed browser origins; `*` alone means any origin, without credentials. */
    corsOrigins: readonly string[];
    /** Share of a location's burst window one GraphQL request may hold. */
    requestWindowShare: number;
    /** Bound on the tenants the rate limiter keeps state for. */
    maxTenants: number;
    /** Bound on OAuth installations held; new ones are refused past it. */
    maxInstallations: number;
    /** How long a refused token is refused again without an upstream call. */
    refusedTokenTtlMs: number;
  };
  tenantHashSecret: string;
  /** Root fields start their children's loads at once (GATEWAY_PREFETCH). */
  prefetch: boolean;
  /** Hot queries compiled by graphql-jit (GATEWAY_JIT*); null: off. */
  jit: { hotAfter: number; maxDocuments: number } | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** What one GraphQL request may ask for before any work is done (README, "Limits"). */
  limits: {
    maxBodyBytes: number;
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    fieldSuggestions: boolean;
    introspection: boolean;
    maxUpstreamCalls: number;
    maxResultObjects: number;
  };
  /** `auto`: pretty only when stdout is a terminal. */
  logPretty: 'auto' | 'true' | 'false';
  /** Bounds and deadlines for running in production (src/observability/). */
  operations: {
    shutdownDeadlineMs: number;
    readyUpstreamStaleMs: number;
    metricsMaxLocationLabels: number;
  };
  /** Every collection that grows with traffic has one of these. */
  bounds: {
    cacheMaxBytes: number;
    cacheMaxGenerations: number;
    windowMaxIds: number;
    replayMaxIds: number;
    simulatorRequestLogMax: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once. Throws a ConfigError naming every bad variable, so the process
 * fails at start rather than on the first request.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}\nSee README.md, "Configuration".`);
  }
  const e = parsed.data;
  const mode = e.GHL_MODE ?? (e.GHL_BASE_URL ? 'live' : 'simulator');

  const privateIntegrations: PrivateIntegration[] = e.GHL_PRIVATE_INTEGRATIONS.map((p) => ({ locationId: p.locationId, token: p.token, scopes: p.scopes ?? null }));
  if (e.GHL_LOCATION_ID && e.GHL_PRIVATE_INTEGRATION_TOKEN) {
    privateIntegrations.push({
      locationId: e.GHL_LOCATION_ID,
      token: e.GHL_PRIVATE_INTEGRATION_TOKEN,
      scopes: e.GHL_PRIVATE_INTEGRATION_SCOPES.length > 0 ? e.GHL_PRIVATE_INTEGRATION_SCOPES : null,
    });
  } else if (e.GHL_LOCATION_ID || e.GHL_PRIVATE_INTEGRATION_TOKEN) {
    throw new ConfigError(`${e.GHL_LOCATION_ID ? 'GHL_PRIVATE_INTEGRATION_TOKEN' : 'GHL_LOCATION_ID'} is needed too: a private integration token belongs to one location.`);
  }
  if (mode === 'live') {
    if (!e.GHL_BASE_URL) throw new ConfigError('GHL_MODE=live needs GHL_BASE_URL. See README.md, "Configuration".');
    if (privateIntegrations.length === 0 && !(e.GHL_CLIENT_ID && e.GHL_CLIENT_SECRET)) {
      throw new ConfigError(
        'Live mode needs a credential: GHL_LOCATION_ID with GHL_PRIVATE_INTEGRATION_TOKEN, or GHL_PRIVATE_INTEGRATIONS, or GHL_CLIENT_ID with GHL_CLIENT_SECRET for OAuth installs. See README.md, "Configuration".',
      );
    }
  }

  const apiKeys = new Map<string, string>();
  for (const pair of e.GATEWAY_API_KEYS) {
    const [key, locationId] = pair.split('=');
    if (!key || !locationId) throw new ConfigError(`GATEWAY_API_KEYS: expected key=locationId, got "${pair.replace(/=.*/, '=…')}"`);
    apiKeys.set(key, locationId);
  }

  // Simulator mode without keys is the README's first command: open. Anything else is closed unless the operator opens it.
  const openByDefault = mode === 'simulator' && apiKeys.size === 0;
  const onOff = (v: 'on' | 'off' | undefined) => (v === undefined ? openByDefault : v === 'on');
  const access = {
    passThrough: onOff(e.GATEWAY_PASSTHROUGH),
    allowAnonymous: onOff(e.GATEWAY_ALLOW_ANONYMOUS),
    corsOrigins: e.CORS_ORIGINS.length > 0 ? e.CORS_ORIGINS : mode === 'simulator' ? ['*'] : [],
    requestWindowShare: e.GATEWAY_REQUEST_WINDOW_SHARE,
    maxTenants: Math.max(1, e.GATEWAY_MAX_TENANTS),
    maxInstallations: Math.max(1, e.GATEWAY_MAX_INSTALLATIONS),
    refusedTokenTtlMs: e.GATEWAY_REFUSED_TOKEN_TTL_MS,
  };

  const tokenStoreKind = e.TOKEN_STORE ?? (e.REDIS_URL && e.TOKEN_ENCRYPTION_KEY ? 'redis' : mode === 'live' && e.GHL_CLIENT_ID ? 'sqlite' : 'memory');
  if (tokenStoreKind !== 'memory' && !e.TOKEN_ENCRYPTION_KEY) {
    throw new ConfigError(`TOKEN_ENCRYPTION_KEY is required for the ${tokenStoreKind} token store (TOKEN_STORE=${tokenStoreKind}, or live mode with GHL_CLIENT_ID).`);
  }
  if (tokenStoreKind === 'redis' && !e.REDIS_URL) throw new ConfigError('TOKEN_STORE=redis needs REDIS_URL.');
  const pem = (v: string | undefined) => (v ? v.replace(/\\n/g, '\n') : null);

  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    mode,
    ghl: {
      baseUrl: e.GHL_BASE_URL ? e.GHL_BASE_URL.replace(/\/+$/, '') : null,
      requestTimeoutMs: e.GHL_REQUEST_TIMEOUT_MS,
      privateIntegrations,
    },
    simulator: { latencyMs: e.SIMULATOR_LATENCY_MS, contactsPerLocation: e.SIMULATOR_CONTACTS_PER_LOCATION, activity: e.SIMULATOR_ACTIVITY },
    cache: { maxEntries: e.CACHE_MAX_ENTRIES, enabled: e.GATEWAY_CACHE === 'on' },
    apiKeys,
    access,
    oauth: {
      clientId: e.GHL_CLIENT_ID ?? null,
      clientSecret: e.GHL_CLIENT_SECRET ?? null,
      redirectUri: e.GHL_OAUTH_REDIRECT_URI ?? `http://${e.HOST}:${e.PORT}/oauth/callback`,
      scopes: e.GHL_OAUTH_SCOPES.length > 0 ? e.GHL_OAUTH_SCOPES : null,
      marketplaceUrl: e.GHL_MARKETPLACE_URL,
      refreshAheadMs: e.OAUTH_REFRESH_AHEAD_MS,
    },
    tokenStore: { kind: tokenStoreKind, path: e.TOKEN_STORE_PATH, encryptionKey: e.TOKEN_ENCRYPTION_KEY ?? null },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, l1TtlMs: e.REDIS_L1_TTL_MS, leaseMs: Math.max(1, e.SUBSCRIPTION_LEASE_MS) } : null,
    rateLimit: { burstMax: e.GHL_RATE_BURST_MAX, burstWindowMs: e.GHL_RATE_BURST_WINDOW_MS, dailyMax: e.GHL_RATE_DAILY_MAX, maxWaitMs: e.GHL_RATE_MAX_WAIT_MS },
    retry: { maxAttempts: Math.max(1, e.GHL_RETRY_MAX_ATTEMPTS), baseDelayMs: e.GHL_RETRY_BASE_DELAY_MS },
    subscriptions: {
      defaultIntervalMs: e.SUBSCRIPTION_POLL_INTERVAL_MS,
      minIntervalMs: Math.min(e.SUBSCRIPTION_POLL_MIN_MS, e.SUBSCRIPTION_POLL_INTERVAL_MS),
      maxIntervalMs: Math.max(e.SUBSCRIPTION_POLL_MAX_MS, e.SUBSCRIPTION_POLL_INTERVAL_MS),
    },
    circuitBreaker: {
      failureRate: Math.min(100, Math.max(1, e.GHL_CIRCUIT_FAILURE_RATE)) / 100,
      minimumCalls: Math.max(1, e.GHL_CIRCUIT_MIN_CALLS),
      windowMs: Math.max(1, e.GHL_CIRCUIT_WINDOW_MS),
      openMs: e.GHL_CIRCUIT_OPEN_MS,
    },
    webhooks: { rsaPublicKeyPem: pem(e.GHL_WEBHOOK_PUBLIC_KEY), ed25519PublicKeyPem: pem(e.GHL_WEBHOOK_ED25519_PUBLIC_KEY), replayWindowMs: e.WEBHOOK_REPLAY_WINDOW_MS, maxBodyBytes: e.WEBHOOK_MAX_BODY_BYTES },
    // A random secret per process is safe: pass-through tenant keys only need to be stable while
    // the process (and its in-memory cache) lives. Shared caches (Redis) must configure one.
    tenantHashSecret: e.TENANT_HASH_SECRET ?? cryptoRandomSecret(),
    prefetch: e.GATEWAY_PREFETCH === 'on',
    jit: e.GATEWAY_JIT === 'on' ? { hotAfter: Math.max(1, e.GATEWAY_JIT_HOT_AFTER), maxDocuments: Math.max(1, e.GATEWAY_JIT_MAX_DOCUMENTS) } : null,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      fieldSuggestions: e.GRAPHQL_FIELD_SUGGESTIONS ?? mode === 'simulator',
      introspection: e.GRAPHQL_INTROSPECTION ?? true,
      maxUpstreamCalls: e.GRAPHQL_MAX_UPSTREAM_CALLS,
      maxResultObjects: e.GRAPHQL_MAX_RESULT_OBJECTS,
    },
    logPretty: e.LOG_PRETTY,
    operations: {
      shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
      readyUpstreamStaleMs: e.READY_UPSTREAM_STALE_MS,
      metricsMaxLocationLabels: e.METRICS_MAX_LOCATION_LABELS,
    },
    bounds: {
      cacheMaxBytes: Math.max(1024, e.CACHE_MAX_BYTES),
      cacheMaxGenerations: Math.max(1, e.CACHE_MAX_GENERATIONS),
      windowMaxIds: Math.max(1, e.SUBSCRIPTION_WINDOW_MAX_IDS),
      replayMaxIds: Math.max(1, e.WEBHOOK_REPLAY_MAX_IDS),
      simulatorRequestLogMax: Math.max(1, e.SIMULATOR_REQUEST_LOG_MAX),
    },
  });
}

function cryptoRandomSecret(): string {
  return globalThis.crypto.randomUUID() + globalThis.crypto.randomUUID();
}
