import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../lib/clock.js';
import { HttpError, badRequest, forbiddenLocation, internalError, invalidToken, notImplemented, routeNotFound, scopeRefused, tooManyRequests, unprocessable } from './errors.js';
import { Faults, defaultFaultBody, type FaultEffect } from './faults.js';
import { loadSpecs, validateRequest, validateResponse, type SpecOperation } from './openapi.js';
import { Random } from './random.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { routeTable } from './routes/index.js';
import { SCOPE_GAPS, UNAUTHENTICATED_OPERATIONS } from './scopes.js';
import { seedStore, type SeededLocation, type SeededOAuthApp } from './seed.js';
import { SimulatorStore, type TokenRecord } from './store.js';

export type { SeededLocation, SeededOAuthApp } from './seed.js';
export type { SimulatorStore } from './store.js';
export type { Faults, FaultSpec, FaultEffect, FaultMatch } from './faults.js';
export { servedOperations } from './routes/index.js';

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
}

export interface Simulator {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  baseUrl: string;
  locations: SeededLocation[];
  /** The seeded Marketplace app, for `POST /oauth/token`. */
  oauthApp: SeededOAuthApp;
  /** Every GHL call so far, in completion order. Never holds a token. */
  requests: RequestLogEntry[];
  clearRequests(): void;
  store: SimulatorStore;
  setLatency(l: { fixedMs: number; jitterMs: number }): void;
  faults: Faults;
  stop(): Promise<void>;
}

interface Outcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? systemClock;
  const specs = loadSpecs();
  for (const key of Object.keys(routeTable)) if (!specs.byKey.has(key)) throw new Error(`Handler for ${key}, which is no operation of the specs`);

  const store = new SimulatorStore(clock);
  const { locations, oauthApp } = seedStore(store, { locations: options.seed?.locations ?? 2, contactsPerLocation: options.seed?.contactsPerLocation ?? 300 });
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...definedOnly(options.rateLimit ?? {}) }, clock);
  const faults = new Faults();
  // Jitter from its own stream, so it never shifts the ids the store mints.
  const jitter = new Random(0x7177e5);
  let latency = checkLatency(options.latency ?? { fixedMs: 0, jitterMs: 0 });
  const requests: RequestLogEntry[] = [];
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = clock.now();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) return handleSimApi(method, url.pathname, res);

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
    const delay = latency.fixedMs + (latency.jitterMs > 0 ? jitter.int(latency.jitterMs + 1) : 0);
    if (delay > 0) await clock.sleep(delay);
    entry.status = outcome.status;
    entry.durationMs = clock.now() - started;
    // Logged before the bytes go out, so a client that sees the response also sees the entry.
    requests.push(entry);
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
    try {
      if (!UNAUTHENTICATED_OPERATIONS.has(op.key)) {
        token = authenticate(req.headers.authorization);
        entry.locationId = token.locationId;
        entry.tokenKind = token.kind;
        if (!hasScope(token, op)) {
          rateHeaders = limiter.peek(token.locationId);
          throw scopeRefused();
        }
        const decision = limiter.take(token.locationId);
        rateHeaders = decision.headers;
        if (!decision.allowed) throw tooManyRequests({});
      }
      const fault = faults.take({ method, path, route: match.template });
      if (fault) return applyFault(fault, rateHeaders);

      const checked = validateRequest(op, { params: match.params, query: entry.query, headers: req.headers, body: op.requestBody ? parseBody(raw, req.headers['content-type']) : undefined });
      if (checked.errors.length) throw unprocessable(checked.errors);
      if (token) guardLocation(token, checked.query, checked.body, match.params);

      const handler = routeTable[op.key];
      if (!handler) throw notImplemented(op.key);
      const result = handler({ op, params: match.params, query: checked.query, body: checked.body, token, store });
      if (options.validateResponses && result.status < 300) {
        const violations = validateResponse(method, match.template, result.status, JSON.parse(JSON.stringify(result.body)));
        if (violations.length) throw internalError([`Simulator response for ${op.key} does not conform to the spec`, ...violations]);
      }
      return { status: result.status, body: result.body, headers: rateHeaders };
    } catch (err) {
      return toOutcome(err, rateHeaders);
    }
  }

  function authenticate(header: string | undefined): TokenRecord {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const token = m ? store.tokens.get(m[1] as string) : undefined;
    if (!token || (token.expiresAt !== null && clock.now() >= token.expiresAt)) throw invalidToken();
    return token;
  }

  function handleSimApi(method: string, path: string, res: ServerResponse): void {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let stopping: Promise<void> | null = null;
  return {
    baseUrl: `http://${host}:${address.port}`,
    locations,
    oauthApp,
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
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

/** A token passes if it holds every scope of at least one of the operation's security alternatives. */
function hasScope(token: TokenRecord, op: SpecOperation): boolean {
  const alternatives = op.security?.length ? op.security.map((req) => Object.values(req).flat()) : [SCOPE_GAPS[op.key] ?? []];
  return alternatives.some((scopes) => scopes.every((s) => token.scopes.includes(s)));
}

/** A `locationId` anywhere in the request must be the token's own location. */
function guardLocation(token: TokenRecord, query: Record<string, unknown>, body: unknown, params: Record<string, string>): void {
  const bodyObj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  for (const v of [query['locationId'], query['location_id'], params['locationId'], bodyObj['locationId']]) {
    if (typeof v === 'string' && v !== token.locationId) throw forbiddenLocation();
  }
}

function applyFault(effect: FaultEffect, rateHeaders: Record<string, string>): Outcome {
  switch (effect.kind) {
    case 'respond':
      return { status: effect.status, body: effect.body ?? defaultFaultBody(effect.status), headers: { ...rateHeaders, ...effect.headers } };
  }
}

function toOutcome(err: unknown, rateHeaders: Record<string, string>): Outcome {
  if (err instanceof HttpError) return { status: err.status, body: err.body, headers: { ...rateHeaders, ...err.headers } };
  console.error('[simulator] handler error', err);
  return { status: 500, body: { statusCode: 500, message: 'Internal server error' }, headers: rateHeaders };
}

function send(res: ServerResponse, outcome: Outcome): void {
  if (res.destroyed) return;
  const payload = outcome.body === undefined ? '' : JSON.stringify(outcome.body);
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

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function checkLatency(l: { fixedMs: number; jitterMs: number }): { fixedMs: number; jitterMs: number } {
  if (!(l.fixedMs >= 0) || !(l.jitterMs >= 0)) throw new Error('latency fixedMs and jitterMs must be numbers >= 0');
  return { fixedMs: l.fixedMs, jitterMs: l.jitterMs };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
