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

const listFromEnv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : []));

const EnvSchema = z.object({
  PORT: intFromEnv(4000),
  HOST: z.string().default('127.0.0.1'),
  /** `simulator` unless a GHL base URL is given. */
  GHL_MODE: z.enum(['simulator', 'live']).optional(),
  GHL_BASE_URL: z.url().optional(),
  GHL_LOCATION_ID: z.string().min(1).optional(),
  GHL_PRIVATE_INTEGRATION_TOKEN: z.string().min(1).optional(),
  /** Space- or comma-separated scopes granted to the private integration token. Empty means "all catalog scopes". */
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
  SIMULATOR_CONTACTS_PER_LOCATION: intFromEnv(300),
  /** `true`: the embedded simulator makes steady, realistic changes from the start (the dashboard toggles it too). */
  SIMULATOR_ACTIVITY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Per-call upstream timeout. */
  GHL_REQUEST_TIMEOUT_MS: intFromEnv(15_000),
  /** Cross-request cache size (entries) for the in-process TTL cache. */
  CACHE_MAX_ENTRIES: intFromEnv(50_000),
  /** Secret for hashing pass-through credentials into tenant keys (never stored, never logged). */
  TENANT_HASH_SECRET: z.string().min(16).optional(),
  /**
   * Gateway API keys, `key=locationId` pairs separated by commas. When set, callers must present
   * one (or their own GHL token) as a bearer token. When unset, callers may use the gateway's held
   * installations without a key: fine for the simulator and a private network, not for the internet.
   */
  GATEWAY_API_KEYS: listFromEnv,
  /** Marketplace app credentials; OAuth installs are enabled when both are set (always in simulator mode). */
  GHL_CLIENT_ID: z.string().min(1).optional(),
  GHL_CLIENT_SECRET: z.string().min(1).optional(),
  /** Defaults to http://HOST:PORT/oauth/callback. */
  GHL_OAUTH_REDIRECT_URI: z.url().optional(),
  /** Scopes requested at install, space- or comma-separated. Default: every location-level catalog scope. */
  GHL_OAUTH_SCOPES: listFromEnv,
  GHL_MARKETPLACE_URL: z.url().default('https://marketplace.gohighlevel.com'),
  /** `sqlite` persists installations in TOKEN_STORE_PATH; `memory` forgets them at exit. */
  TOKEN_STORE: z.enum(['sqlite', 'memory']).optional(),
  TOKEN_STORE_PATH: z.string().default('.data/installations.db'),
  /** Secret that seals tokens at rest (at least 32 characters). Required for the sqlite store. */
  TOKEN_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Refresh a token in the background once it has less than this left. */
  OAUTH_REFRESH_AHEAD_MS: intFromEnv(300_000),
  /** GHL's limits per app and location (docs: 100 per 10 s, 200,000 per day). */
  GHL_RATE_BURST_MAX: intFromEnv(100),
  GHL_RATE_BURST_WINDOW_MS: intFromEnv(10_000),
  GHL_RATE_DAILY_MAX: intFromEnv(200_000),
  /** How long an interactive query may wait for rate budget before failing with RATE_LIMITED. */
  GHL_RATE_MAX_WAIT_MS: intFromEnv(10_000),
  /** Attempts in all for a retryable call (reads and idempotent writes), the first included. */
  GHL_RETRY_MAX_ATTEMPTS: intFromEnv(4),
  /** First retry backoff before jitter; doubles per attempt. */
  GHL_RETRY_BASE_DELAY_MS: intFromEnv(200),
  /** Consecutive upstream failures (5xx, timeouts, network) that open a location's circuit. */
  GHL_CIRCUIT_FAILURE_THRESHOLD: intFromEnv(10),
  /** How long an open circuit fails fast before one probe call is let through. */
  GHL_CIRCUIT_OPEN_MS: intFromEnv(10_000),
  /** Poll interval of a subscription that asks for none; and the bounds any may ask for. */
  SUBSCRIPTION_POLL_INTERVAL_MS: intFromEnv(60_000),
  SUBSCRIPTION_POLL_MIN_MS: intFromEnv(5_000),
  SUBSCRIPTION_POLL_MAX_MS: intFromEnv(900_000),
  /** PEM of the RSA key for x-wh-signature (default: GHL's published key); `\n` escapes allowed. */
  GHL_WEBHOOK_PUBLIC_KEY: z.string().optional(),
  /** PEM of the Ed25519 key for x-ghl-signature. */
  GHL_WEBHOOK_ED25519_PUBLIC_KEY: z.string().optional(),
  WEBHOOK_REPLAY_WINDOW_MS: intFromEnv(300_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
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
  cache: { maxEntries: number };
  oauth: {
    clientId: string | null;
    clientSecret: string | null;
    redirectUri: string;
    scopes: readonly string[] | null;
    marketplaceUrl: string;
    refreshAheadMs: number;
  };
  tokenStore: { kind: 'sqlite' | 'memory'; path: string; encryptionKey: string | null };
  rateLimit: { burstMax: number; burstWindowMs: number; dailyMax: number; maxWaitMs: number };
  retry: { maxAttempts: number; baseDelayMs: number };
  subscriptions: { defaultIntervalMs: number; minIntervalMs: number; maxIntervalMs: number };
  circuitBreaker: { failureThreshold: number; openMs: number };
  webhooks: { rsaPublicKeyPem: string | null; ed25519PublicKeyPem: string | null; replayWindowMs: number };
  /** API key → location id. */
  apiKeys: ReadonlyMap<string, string>;
  tenantHashSecret: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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

  const tokenStoreKind = e.TOKEN_STORE ?? (mode === 'live' && e.GHL_CLIENT_ID ? 'sqlite' : 'memory');
  if (tokenStoreKind === 'sqlite' && !e.TOKEN_ENCRYPTION_KEY) {
    throw new ConfigError('TOKEN_ENCRYPTION_KEY is required for the sqlite token store (TOKEN_STORE=sqlite, or live mode with GHL_CLIENT_ID).');
  }
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
    cache: { maxEntries: e.CACHE_MAX_ENTRIES },
    apiKeys,
    oauth: {
      clientId: e.GHL_CLIENT_ID ?? null,
      clientSecret: e.GHL_CLIENT_SECRET ?? null,
      redirectUri: e.GHL_OAUTH_REDIRECT_URI ?? `http://${e.HOST}:${e.PORT}/oauth/callback`,
      scopes: e.GHL_OAUTH_SCOPES.length > 0 ? e.GHL_OAUTH_SCOPES : null,
      marketplaceUrl: e.GHL_MARKETPLACE_URL,
      refreshAheadMs: e.OAUTH_REFRESH_AHEAD_MS,
    },
    tokenStore: { kind: tokenStoreKind, path: e.TOKEN_STORE_PATH, encryptionKey: e.TOKEN_ENCRYPTION_KEY ?? null },
    rateLimit: { burstMax: e.GHL_RATE_BURST_MAX, burstWindowMs: e.GHL_RATE_BURST_WINDOW_MS, dailyMax: e.GHL_RATE_DAILY_MAX, maxWaitMs: e.GHL_RATE_MAX_WAIT_MS },
    retry: { maxAttempts: Math.max(1, e.GHL_RETRY_MAX_ATTEMPTS), baseDelayMs: e.GHL_RETRY_BASE_DELAY_MS },
    subscriptions: {
      defaultIntervalMs: e.SUBSCRIPTION_POLL_INTERVAL_MS,
      minIntervalMs: Math.min(e.SUBSCRIPTION_POLL_MIN_MS, e.SUBSCRIPTION_POLL_INTERVAL_MS),
      maxIntervalMs: Math.max(e.SUBSCRIPTION_POLL_MAX_MS, e.SUBSCRIPTION_POLL_INTERVAL_MS),
    },
    circuitBreaker: { failureThreshold: Math.max(1, e.GHL_CIRCUIT_FAILURE_THRESHOLD), openMs: e.GHL_CIRCUIT_OPEN_MS },
    webhooks: { rsaPublicKeyPem: pem(e.GHL_WEBHOOK_PUBLIC_KEY), ed25519PublicKeyPem: pem(e.GHL_WEBHOOK_ED25519_PUBLIC_KEY), replayWindowMs: e.WEBHOOK_REPLAY_WINDOW_MS },
    // A random secret per process is safe: pass-through tenant keys only need to be stable while
    // the process (and its in-memory cache) lives. Shared caches (Redis) must configure one.
    tenantHashSecret: e.TENANT_HASH_SECRET ?? cryptoRandomSecret(),
    logLevel: e.LOG_LEVEL,
  });
}

function cryptoRandomSecret(): string {
  return globalThis.crypto.randomUUID() + globalThis.crypto.randomUUID();
}
