import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../lib/clock.js';
import { HttpError, badRequest, expiredToken, forbiddenLocation, internalError, invalidToken, notImplemented, routeNotFound, scopeRefused, tooManyRequests, unprocessable, wrongTokenType } from './errors.js';
import { Faults, defaultFaultBody, type FaultEffect } from './faults.js';
import { chooseLocation, createOAuthControl, type SimulatorOAuth } from './oauth.js';
import { loadSpecs, validateRequest, validateResponse, type SpecOperation } from './openapi.js';
import { Random } from './random.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { routeTable } from './routes/index.js';
import { SCOPE_GAPS, UNAUTHENTICATED_OPERATIONS, schemeAdmits } from './scopes.js';
import { domains } from './domains/index.js';
import { SEED_BASE_MS, seedStore, type SeededAgency, type SeededLocation, type SeededOAuthApp } from './seed.js';
import { DEFAULT_TOKEN_LIFETIMES, SimulatorStore, type TokenRecord } from './store.js';
import { versionRefusal, type VersionPolicy } from './versions.js';
import { createWebhooks, generateWebhookKeys, type SimulatorWebhooks, type WebhookOptions } from './webhooks/index.js';
import { createActivity, type ActivityOptions, type SimulatorActivity } from './activity.js';
import { withoutUndefined } from '../lib/objects.js';

export type { SeededAgency, SeededLocation, SeededOAuthApp } from './seed.js';
export type { SimulatorStore } from './store.js';
export type { Faults, FaultSpec, FaultEffect, FaultEffectName, FaultKind, FaultMatch, FaultRule, ChaosOptions } from './faults.js';
export type { SimulatorOAuth, AuthorizeOptions, InstallTarget, RevocationResult, UninstallEvent } from './oauth.js';
export { servedOperations } from './routes/index.js';
export type { ActivityChange, ActivityKind, ActivityOptions, SimulatorActivity } from './activity.js';
export type { SimulatorWebhooks, WebhookOptions, WebhookConfigPatch, WebhookDelivery, WebhookOutcome, WebhookPublicKeys } from './webhooks/index.js';

export interface SimulatorOptions {
  /** Default '127.0.0.1': the simulator holds tokens and is never meant to face a network. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  seed?: { locations?: number; contactsPerLocation?: number };
  latency?: { fixedMs: number; jitterMs: number };
  rateLimit?: { burstMax?: number; burstWindowMs?: number; dailyMax?: number };
  clock?: Clock;
  /** Check every 2xx body against the spec and answer 500 with the violations on drift. */
  validateResponses?: boolean;
  /** OAuth token lifetimes; default GHL's: access 86 399 000 ms (`expires_in` 86399), refresh one year. */
  oauth?: { accessTokenTtlMs?: number; refreshTokenTtlMs?: number };
  /** Seed of the fault rules' PRNGs (`probability`, chaos effect choice), so runs are reproducible. */
  faultSeed?: number;
  /**
   * Keep at most this many request-log entries, dropping the oldest (the embedded simulator runs
   * for weeks). Unset: keep all, as tests that read the whole log want.
   */
  requestLogMax?: number;
  /** Signed webhook delivery (webhooks/): target URL, drop/duplicate rates, delay, PRNG seed. Also `sim.webhooks.configure`. */
  webhooks?: WebhookOptions;
  /**
   * Default false: every route takes every published `Version` (GHL's behaviour, versions.ts). True:
   * only the spec's own value, as a 422 otherwise; the gateway's tests run strict.
   */
  strictVersions?: boolean;
  /** Steady, realistic changes in the first location (activity.ts); `true` starts them at the default pace. */
  activity?: ActivityOptions | boolean;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  route: string | null;
  operationId: string | null;
  query: Record<string, string | string[]>;
  status: number;
  version: string | null;
  locationId: string | null;
  tokenKind: string | null;
  durationMs: number;
  /**
   * Set when an injected fault fired: its kind (`respond`, `latency`, `reset`, `drop-after-processing`,
   * `hang`). `reset` and `hang` log status 0; `drop-after-processing` logs the status the handler
   * produced, which the client never saw.
   */
  fault?: string;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  baseUrl: string;
  locations: SeededLocation[];
  /** The seeded Marketplace app, for `POST /oauth/token`. */
  oauthApp: SeededOAuthApp;
  /** The seeded agency, with the app installed at agency level over every seeded location, and its Company token. */
  agency: SeededAgency;
  /** Consent, revocation, uninstall and forced token expiry. */
  oauth: SimulatorOAuth;
  /** Every GHL call so far, in completion order. Never holds a token. */
  requests: RequestLogEntry[];
  clearRequests(): void;
  store: SimulatorStore;
  setLatency(l: { fixedMs: number; jitterMs: number }): void;
  faults: Faults;
  /** Signed webhooks for every write: public keys, knobs, the delivery log, `flush()` for tests. */
  webhooks: SimulatorWebhooks;
  /** True when only each spec's own `Version` is accepted (`strictVersions`, versions.ts). */
  strictVersions: boolean;
  /** Steady changes in the first location: `start()`, `stop()`, `step()`. Also `/_sim/activity`. */
  activity: SimulatorActivity;
  stop(): Promise<void>;
}

interface Outcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** What happens on the wire instead of (or after) the answer, for faults. */
  transport?: 'reset' | 'hang' | 'drop';
  /** Extra delay from a `latency` fault. */
  extraDelayMs?: number;
}

/** Query keys whose values never reach the request log. */
const SECRET_QUERY_KEYS = new Set(['code', 'refresh_token', 'access_token', 'client_secret', 'token', 'id_token']);

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? systemClock;
  // Generated off the main thread while the specs load and the seed runs.
  const webhookKeys = generateWebhookKeys();
  const specs = loadSpecs();
  for (const key of Object.keys(routeTable)) if (!specs.byKey.has(key)) throw new Error(`Handler for ${key}, which is no operation of the specs`);

  const store = new SimulatorStore(clock);
  store.tokenLifetimes = checkLifetimes({ ...DEFAULT_TOKEN_LIFETIMES, ...withoutUndefined(options.oauth ?? {}) });
  const { locations, oauthApp, agency } = seedStore(store, { locations: options.seed?.locations ?? 2, contactsPerLocation: options.seed?.contactsPerLocation ?? 300 });
  // Each domain's stream is seeded from its name, so adding or reordering domains moves nothing.
  for (const domain of domains) domain.seed?.({ store, locations, random: new Random(seedOf(domain.name)), baseMs: SEED_BASE_MS });
  const oauth = createOAuthControl(store);
  const webhooks = createWebhooks({ clock, store, operations: specs.byKey, routes: routeTable, oauth, keys: await webhookKeys, options: options.webhooks ?? {} });
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...withoutUndefined(options.rateLimit ?? {}) }, clock);
  const faults = new Faults(options.faultSeed === undefined ? {} : { seed: options.faultSeed });
  // Jitter from its own stream, so it never shifts the ids the store mints.
  const jitter = new Random(0x7177e5);
  let latency = checkLatency(options.latency ?? { fixedMs: 0, jitterMs: 0 });
  const versionPolicy: VersionPolicy = options.strictVersions ? 'spec' : 'published';
  const requests: RequestLogEntry[] = [];
  const logMax = options.requestLogMax ?? Infinity;
  // Trimmed in batches of a tenth, so keeping the bound costs O(1) per entry on average.
  const logEntry = (entry: RequestLogEntry) => {
    requests.push(entry);
    if (requests.length > logMax + Math.ceil(logMax / 10)) requests.splice(0, requests.length - logMax);
  };
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = clock.now();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) return handleSimApi(method, url.pathname, res);
    if (CHOOSE_LOCATION_PATHS.has(url.pathname.replace(/\/+$/, ''))) return handleChooseLocation(method, url, res);

    const version = req.headers['version'];
    const entry: RequestLogEntry = {
      seq: ++seq,
      at: new Date(started).toISOString(),
      method,
      path: url.pathname,
      route: null,
      operationId: null,
      query: queryObject(url.searchParams),
      status: 0,
      version: (Array.isArray(version) ? version[0] : version) ?? null,
      locationId: null,
      tokenKind: null,
      durationMs: 0,
    };
    let outcome: Outcome;
    try {
      outcome = await pipeline(req, method, url.pathname, entry);
    } catch (err) {
      outcome = toOutcome(err, {});
    }
    // The log keeps the raw query minus secrets (a code or token sent in the query by mistake).
    entry.query = redactQuery(entry.query);
    if (outcome.transport === 'reset') {
      entry.status = 0;
      entry.durationMs = clock.now() - started;
      logEntry(entry);
      return destroySocket(res);
    }
    if (outcome.transport === 'hang') {
      // Logged when the hang starts, so a test can see the call arrived; durationMs is final when the socket closes.
      entry.status = 0;
      logEntry(entry);
      await untilClosed(res);
      entry.durationMs = clock.now() - started;
      return;
    }
    const delay = latency.fixedMs + (latency.jitterMs > 0 ? jitter.int(latency.jitterMs + 1) : 0) + (outcome.extraDelayMs ?? 0);
    if (delay > 0) await clock.sleep(delay);
    entry.status = outcome.status;
    entry.durationMs = clock.now() - started;
    // Logged before the bytes go out, so a client that sees the response also sees the entry.
    logEntry(entry);
    if (outcome.transport === 'drop') return destroySocket(res);
    send(res, outcome);
  }

  async function pipeline(req: IncomingMessage, method: string, path: string, entry: RequestLogEntry): Promise<Outcome> {
    const raw = await readBody(req);
    const match = specs.router.match(method, path);
    if (!match) throw routeNotFound(method, path);
    const op = match.value;
    entry.route = match.template;
    entry.operationId = op.operationId;

    let token: TokenRecord | null = null;
    let rateHeaders: Record<string, string> = {};
    let rateKey: string | null = null;
    const after: Pick<Outcome, 'transport' | 'extraDelayMs'> = {};
    try {
      if (!UNAUTHENTICATED_OPERATIONS.has(op.key)) {
        token = authenticate(req.headers.authorization);
        entry.locationId = token.locationId;
        entry.tokenKind = token.kind;
        rateKey = token.locationId ?? `company:${token.companyId}`;
        // Like the other 401s after authentication, a refused Version uses up no budget.
        const badVersion = versionRefusal(versionPolicy, op, req.headers['version']);
        if (badVersion) {
          rateHeaders = limiter.peek(rateKey);
          throw badVersion;
        }
        const refusal = admission(token, op);
        if (refusal) {
          rateHeaders = limiter.peek(rateKey);
          throw refusal;
        }
        const decision = limiter.take(rateKey);
        rateHeaders = decision.headers;
        if (!decision.allowed) throw tooManyRequests({});
      }
      const fault = faults.take({ method, path, route: match.template });
      if (fault) {
        entry.fault = fault.kind;
        switch (fault.kind) {
          case 'respond':
            return respondFault(fault, rateHeaders, rateKey);
          case 'reset':
          case 'hang':
            return { status: 0, body: undefined, headers: {}, transport: fault.kind };
          case 'latency':
            after.extraDelayMs = fault.ms;
            break;
          case 'drop-after-processing':
            after.transport = 'drop';
            break;
        }
      }

      const checked = validateRequest(op, { params: match.params, query: entry.query, headers: req.headers, body: op.requestBody ? parseBody(raw, req.headers['content-type']) : undefined, skipVersionHeader: versionPolicy === 'published' });
      if (checked.errors.length) throw unprocessable(checked.errors);
      if (token?.locationId) guardLocation(token.locationId, checked.query, checked.body, match.params);

      const handler = routeTable[op.key];
      if (!handler) throw notImplemented(op.key);
      const ctx = { op, params: match.params, query: checked.query, body: checked.body, token, store };
      const emitWebhooks = webhooks.beforeWrite(ctx);
      const result = handler(ctx);
      // A handler may answer raw bytes (a call recording, a text download) with its own content headers.
      const rawHeaders = Buffer.isBuffer(result.body) ? ((result as { headers?: Record<string, string> }).headers ?? {}) : null;
      if (options.validateResponses && result.status < 300 && !rawHeaders) {
        const violations = validateResponse(method, match.template, result.status, JSON.parse(JSON.stringify(result.body)));
        if (violations.length) throw internalError([`Simulator response for ${op.key} does not conform to the spec`, ...violations]);
      }
      emitWebhooks?.(result);
      return { status: result.status, body: result.body, headers: { ...rateHeaders, ...rawHeaders }, ...after };
    } catch (err) {
      return { ...toOutcome(err, rateHeaders), ...after };
    }
  }

  function authenticate(header: string | undefined): TokenRecord {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const token = m ? store.tokens.get(m[1] as string) : undefined;
    if (!token) throw invalidToken();
    if (token.expiresAt !== null && clock.now() >= token.expiresAt) throw expiredToken();
    return token;
  }

  /** A 429 fault looks like the limiter's own: the budget headers with nothing remaining in the window. */
  function respondFault(effect: Extract<FaultEffect, { kind: 'respond' }>, rateHeaders: Record<string, string>, rateKey: string | null): Outcome {
    const base = effect.status === 429 ? { ...(rateKey ? rateHeaders : limiter.untouched()), 'X-RateLimit-Remaining': '0' } : rateHeaders;
    return { status: effect.status, body: effect.body ?? defaultFaultBody(effect.status), headers: { ...base, ...effect.headers } };
  }

  function handleChooseLocation(method: string, url: URL, res: ServerResponse): void {
    if (method !== 'GET') return send(res, toOutcome(routeNotFound(method, url.pathname), {}));
    const result = chooseLocation(store, url.searchParams);
    if (result.status === 302 && result.location) {
      res.writeHead(302, { location: result.location, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end('<!doctype html><title>Redirecting</title><p>Redirecting to the app…</p>');
      return;
    }
    const page = `<!doctype html><title>400 Bad Request</title><h1>This app cannot be installed</h1><p>${escapeHtml(result.message)}</p>`;
    res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(page)), 'cache-control': 'no-store' });
    res.end(page);
  }

  function handleSimApi(method: string, path: string, res: ServerResponse): void {
    const webhookAnswer = webhooks.simApi(method, path);
    if (webhookAnswer) return send(res, { ...webhookAnswer, headers: {} });
    const activityAnswer = activityApi(method, path);
    if (activityAnswer) return void activityAnswer.then((answer) => send(res, { ...answer, headers: {} }));
    if (path === '/_sim/requests' && method === 'GET') return send(res, { status: 200, body: requests, headers: {} });
    if (path === '/_sim/requests' && method === 'DELETE') {
      requests.length = 0;
      return send(res, { status: 204, body: undefined, headers: {} });
    }
    send(res, toOutcome(routeNotFound(method, path), {}));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Only reached on a bug in the simulator itself; the pipeline maps every expected error.
      console.error('[simulator] unhandled error', err);
      if (!res.headersSent) send(res, toOutcome(internalError('Internal server error'), {}));
    });
  });
  // Node closes idle keep-alive sockets after 5 s and tells clients so; undici then reuses a socket
  // for up to 4 s. A stalled event loop (a busy machine) lets the server's close race a reused
  // socket's next request, which then fails with ECONNRESET, and a POST cannot be retried. Idle
  // sockets stay open a minute here, past the client's own 30 s keep-alive.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${host}:${address.port}`;
  const activityOptions = options.activity === true ? { running: true } : options.activity || {};
  const activity = createActivity({ clock, store, baseUrl, location: locations[0]!, options: activityOptions });

  /** `GET /_sim/activity` (state and changes so far); `POST /_sim/activity/start|stop|step`. */
  function activityApi(method: string, path: string): Promise<{ status: number; body: unknown }> | null {
    const p = path.replace(/\/+$/, '');
    const state = () => ({ running: activity.running, intervalMs: activity.intervalMs, changes: activity.changes });
    if (p === '/_sim/activity' && method === 'GET') return Promise.resolve({ status: 200, body: state() });
    if (p === '/_sim/activity/start' && method === 'POST') return Promise.resolve((activity.start(), { status: 200, body: state() }));
    if (p === '/_sim/activity/stop' && method === 'POST') return Promise.resolve((activity.stop(), { status: 200, body: state() }));
    if (p === '/_sim/activity/step' && method === 'POST') return activity.step().then((change) => ({ status: 200, body: change }));
    return null;
  }

  let stopping: Promise<void> | null = null;
  return {
    baseUrl,
    locations,
    oauthApp,
    agency,
    oauth,
    get requests() {
      return requests;
    },
    clearRequests: () => {
      requests.length = 0;
    },
    store,
    setLatency(l) {
      latency = checkLatency(l);
    },
    faults,
    webhooks: webhooks.api,
    strictVersions: versionPolicy === 'spec',
    activity,
    stop() {
      activity.stop();
      webhooks.close();
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

const CHOOSE_LOCATION_PATHS = new Set(['/v2/oauth/chooselocation', '/oauth/chooselocation']);

/**
 * Null when the token may call the operation: some security alternative admits its kind
 * (scopes.ts `schemeAdmits`) and it holds all that alternative's scopes. Otherwise the 401 to send:
 * wrong token kind first, then missing scope. Operations without a security block count as `bearer`.
 */
function admission(token: TokenRecord, op: SpecOperation): HttpError | null {
  const alternatives = op.security?.length
    ? op.security.map((req) => ({ schemes: Object.keys(req), scopes: Object.values(req).flat() }))
    : [{ schemes: ['bearer'], scopes: SCOPE_GAPS[op.key] ?? [] }];
  const admitted = alternatives.filter((a) => a.schemes.every((s) => schemeAdmits(s, token)));
  if (admitted.length === 0) return wrongTokenType(describeNeed(alternatives.flatMap((a) => a.schemes)));
  return admitted.some((a) => a.scopes.every((s) => token.scopes.includes(s))) ? null : scopeRefused();
}

function describeNeed(schemes: string[]): string {
  const needs = new Set(
    schemes.map((s) =>
      s === 'Agency-Access-Only' ? 'an Agency (Company) OAuth access token' : s === 'Agency-Access' ? 'an Agency (Company) access token' : s === 'Location-Access-Only' ? 'a Sub-Account (Location) OAuth access token' : 'a Sub-Account (Location) access token or private integration token',
    ),
  );
  return [...needs].join(' or ');
}

/** A `locationId` anywhere in the request must be the token's own location (Location tokens only). */
function guardLocation(locationId: string, query: Record<string, unknown>, body: unknown, params: Record<string, string>): void {
  const bodyObj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  for (const v of [query['locationId'], query['location_id'], params['locationId'], bodyObj['locationId']]) {
    if (typeof v === 'string' && v !== locationId) throw forbiddenLocation();
  }
}

/** Ends the connection with a TCP RST where the platform allows, without a response. */
function destroySocket(res: ServerResponse): void {
  const socket = res.socket;
  if (socket && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else res.destroy();
}

function untilClosed(res: ServerResponse): Promise<void> {
  if (res.destroyed || res.socket?.destroyed) return Promise.resolve();
  return new Promise((resolve) => res.once('close', () => resolve()));
}

function redactQuery(query: Record<string, string | string[]>): Record<string, string | string[]> {
  let out: Record<string, string | string[]> | null = null;
  for (const k of Object.keys(query)) {
    if (SECRET_QUERY_KEYS.has(k.toLowerCase())) (out ??= { ...query })[k] = '[redacted]';
  }
  return out ?? query;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function checkLifetimes(l: { accessTokenTtlMs: number; refreshTokenTtlMs: number }): { accessTokenTtlMs: number; refreshTokenTtlMs: number } {
  if (!(l.accessTokenTtlMs > 0) || !(l.refreshTokenTtlMs > 0)) throw new Error('oauth accessTokenTtlMs and refreshTokenTtlMs must be numbers > 0');
  return { accessTokenTtlMs: l.accessTokenTtlMs, refreshTokenTtlMs: l.refreshTokenTtlMs };
}

function toOutcome(err: unknown, rateHeaders: Record<string, string>): Outcome {
  if (err instanceof HttpError) return { status: err.status, body: err.body, headers: { ...rateHeaders, ...err.headers } };
  console.error('[simulator] handler error', err);
  return { status: 500, body: { statusCode: 500, message: 'Internal server error' }, headers: rateHeaders };
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (res.destroyed) return;
  const payload = outcome.body === undefined ? '' : Buffer.isBuffer(outcome.body) ? outcome.body : JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    ...(payload ? { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) } : {}),
    ...outcome.headers,
  });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** As Express does: JSON and urlencoded bodies are parsed, anything else is no body. */
function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const ct = (contentType ?? 'application/json').toLowerCase();
  const text = raw.toString('utf8');
  if (ct.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (!ct.includes('json')) return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest((err as Error).message);
  }
}

/**
 * Repeated keys become arrays, and so does `key[]=` (ASSUMPTIONS.md C6): Express's query parser
 * reads `ids[]=a&ids[]=b` as `ids`, and axios (the official SDK's client) writes arrays that way.
 */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, v] of params) {
    const bracketed = rawKey.endsWith('[]') && rawKey.length > 2;
    const k = bracketed ? rawKey.slice(0, -2) : rawKey;
    const prev = out[k];
    out[k] = prev === undefined ? (bracketed ? [v] : v) : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function checkLatency(l: { fixedMs: number; jitterMs: number }): { fixedMs: number; jitterMs: number } {
  if (!(l.fixedMs >= 0) || !(l.jitterMs >= 0)) throw new Error('latency fixedMs and jitterMs must be numbers >= 0');
  return { fixedMs: l.fixedMs, jitterMs: l.jitterMs };
}


/** FNV-1a of a name: a stable 32-bit seed per domain. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
