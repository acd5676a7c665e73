import { Agent, request as undiciRequest } from 'undici';
import type { Clock } from '../lib/clock.js';
import { systemClock } from '../lib/clock.js';
import { CircuitBreakers, type CircuitBreakerOptions } from './circuit-breaker.js';
import type { GhlCredential } from './credentials.js';
import {
  GhlAuthError,
  GhlBadRequestError,
  type GhlError,
  GhlForbiddenError,
  GhlNotFoundError,
  GhlRateLimitedError,
  GhlScopeError,
  GhlUnavailableError,
  GhlUpstreamShapeError,
} from './errors.js';
import { buildPath } from './request-path.js';
import type { GhlOperation } from './operations.js';
import { responseViolations } from './response-shapes.js';
import { RateLimiter, type Priority, type RateLimiterOptions } from './rate-limiter.js';
import { parseRateLimitHeaders, type RateLimitSnapshot } from './rate-limit-headers.js';
import { type AttemptFailure, type RetryPolicy, withRetry } from './retry.js';
import { TokenVerdicts } from './token-verdicts.js';

export type { Priority } from './rate-limiter.js';

export interface CallOptions {
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** JSON body. */
  body?: unknown;
  /** Form body (the OAuth endpoints take application/x-www-form-urlencoded). */
  form?: Record<string, string | undefined>;
  /** Interactive queries go before background polling when budget is short. @default 'interactive' */
  priority?: Priority;
  /** Counts what this call cost, for the GraphQL `extensions.cost` report. */
  meter?: CallMeter;
  /** Abandons the call: leaves the budget queue, or aborts the exchange. */
  signal?: AbortSignal;
  /** Answer a 2xx body as bytes with its content headers (`RawBody`) instead of parsing JSON: recordings, file downloads. */
  raw?: boolean;
  /**
   * The GraphQL request this call serves (set by `forRequest`). One request holds at most
   * `requestWindowShare` of its budget's burst window, so other requests are served beside it.
   */
  lane?: string;
}

/** A 2xx body read with `raw: true`. */
export interface RawBody {
  contentType: string | null;
  contentDisposition: string | null;
  bytes: Buffer;
}

export interface CallMeter {
  upstreamCalls: number;
}

export interface GhlResponse<T> {
  status: number;
  data: T;
  rateLimit: RateLimitSnapshot | null;
}

export interface GhlClientOptions {
  baseUrl: string;
  /** Time allowed for one HTTP exchange (headers, then body). */
  requestTimeoutMs: number;
  clock?: Clock;
  /** Connections kept open to GHL. @default 128 */
  maxConnections?: number;
  rateLimit?: Omit<RateLimiterOptions, 'clock'>;
  retry?: Partial<RetryPolicy>;
  circuitBreaker?: Omit<CircuitBreakerOptions, 'clock'>;
  /** Jitter source for retry backoff. @default Math.random */
  random?: () => number;
  /** Share (0 < x ≤ 1) of a budget's burst window one request (`lane`) may hold. @default 1 (no cap) */
  requestWindowShare?: number;
  /** How long a pass-through token GHL refused (401) is refused again without asking GHL. @default 60_000 */
  refusedTokenTtlMs?: number;
}

/** Counters for tests, benchmarks and operators. */
export interface ClientStats {
  exchanges: number;
  retries: number;
  throttled429: number;
  outcomeUnknown: number;
  tokenRefreshRetries: number;
}

/** Listener for every upstream exchange; `status` 0 means no answer (network error or timeout). */
export type ResponseObserver = (event: { operation: GhlOperation; locationId: string | null; status: number; rateLimit: RateLimitSnapshot | null; durationMs: number }) => void;

/**
 * The one way the gateway talks to GHL. For each call it:
 * 1. checks the credential's granted scopes, so a refused call never spends budget;
 * 2. fails fast while the location's circuit is open;
 * 3. waits for rate budget (interactive before background), instead of collecting 429s;
 * 4. sends the spec's `Version` header and the bearer token, with a per-exchange timeout;
 * 5. learns the real budget from `X-RateLimit-*` headers;
 * 6. on a 401, lets the credential refresh once and repeats;
 * 7. retries what is safe to retry (retry.ts), and reports a write whose outcome is unknown
 *    instead of repeating it;
 * 8. checks what the gateway relies on in a read's answer (response-shapes.ts) before anyone caches it.
 */
export class GhlClient {
  private readonly agent: Agent;
  private readonly baseUrl: string;
  private readonly observers: ResponseObserver[] = [];
  readonly clock: Clock;
  readonly limiter: RateLimiter;
  /** Per-request lanes (budget key + request) capped at a share of the window; null when uncapped. */
  readonly lanes: RateLimiter | null;
  /** GHL's verdicts on pass-through tokens. */
  readonly tokenVerdicts: TokenVerdicts;
  readonly breakers: CircuitBreakers;
  private laneSeq = 0;
  readonly stats: ClientStats = { exchanges: 0, retries: 0, throttled429: 0, outcomeUnknown: 0, tokenRefreshRetries: 0 };

  constructor(private readonly options: GhlClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.agent = new Agent({
      connections: options.maxConnections ?? 128,
      keepAliveTimeout: 30_000,
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
    });
    this.limiter = new RateLimiter({ ...options.rateLimit, clock: this.clock });
    const share = options.requestWindowShare ?? 1;
    const burstMax = options.rateLimit?.burstMax ?? 100;
    this.lanes =
      share < 1
        ? new RateLimiter({
            ...options.rateLimit,
            burstMax: Math.max(1, Math.floor(burstMax * share)),
            // A lane caps the burst only; the day is the budget key's business.
            dailyMax: Number.MAX_SAFE_INTEGER,
            interactiveReserve: 0,
            clock: this.clock,
          })
        : null;
    const refusedTtlMs = options.refusedTokenTtlMs ?? 60_000;
    // An accepted token is trusted longer: re-checking it makes its concurrent calls queue behind one.
    this.tokenVerdicts = new TokenVerdicts({ clock: this.clock, refusedTtlMs, acceptedTtlMs: Math.max(refusedTtlMs, 600_000), maxEntries: options.rateLimit?.maxKeys ?? 10_000 });
    this.breakers = new CircuitBreakers({ ...options.circuitBreaker, clock: this.clock });
  }

  onResponse(observer: ResponseObserver): void {
    this.observers.push(observer);
  }

  /**
   * The same client, with `signal` on every call: a poller hands this to endpoint functions, so
   * stopping the poller also drops its call from the budget queue instead of spending budget for
   * no one.
   */
  withSignal(signal: AbortSignal): GhlClient {
    const view = Object.create(this) as GhlClient;
    view.call = (op, credential, opts = {}) => this.call(op, credential, { ...opts, signal });
    return view;
  }

  /**
   * The same client for one GraphQL request: its calls share one lane, which holds at most
   * `requestWindowShare` of a location's burst window (see README, "Fair sharing").
   */
  forRequest(): GhlClient {
    const lane = `r${++this.laneSeq}`;
    const view = Object.create(this) as GhlClient;
    view.call = (op, credential, opts = {}) => this.call(op, credential, { lane, ...opts });
    return view;
  }

  async call<T>(op: GhlOperation, credential: GhlCredential | null, opts: CallOptions = {}): Promise<GhlResponse<T>> {
    if (credential) assertScopes(op, credential);
    // Checked before any budget is spent: a path that would name another resource never leaves.
    buildPath(op, opts.pathParams);
    return withRetry(
      {
        method: op.method,
        clock: this.clock,
        operation: op.key,
        ...(this.options.retry ? { policy: this.options.retry } : {}),
        ...(this.options.random ? { random: this.options.random } : {}),
        classify: classifyFailure,
        onRetry: () => {
          this.stats.retries++;
        },
        onGiveUp: (info) => {
          if (info.outcomeUnknown) this.stats.outcomeUnknown++;
        },
      },
      () => this.attempt<T>(op, credential, opts),
    );
  }

  async close(): Promise<void> {
    this.limiter.close();
    this.lanes?.close();
    await this.agent.close();
  }

  /** One attempt, including at most one repeat after a token refresh. */
  private async attempt<T>(op: GhlOperation, credential: GhlCredential | null, opts: CallOptions): Promise<GhlResponse<T>> {
    // The budget belongs to the credential that spends it: a held one budgets per location, a
    // pass-through token under its own tenant key.
    const budgetKey = credential ? (credential.budgetKey ?? credential.locationId) : null;
    let token = credential ? await credential.accessToken() : null;
    let res: RawResponse;
    if (credential?.passThrough && budgetKey) {
      const report = await this.tokenVerdicts.enter(budgetKey);
      if (report === 'refused') throw new GhlAuthError(`GHL refused this token for ${op.key} recently; not asking again yet`, op.key, 401);
      let status: number | undefined;
      let scopeRefusal = false;
      try {
        res = await this.budgetedExchange(op, budgetKey, token, opts);
        status = res.status;
        scopeRefusal = res.status === 401 && SCOPE_REFUSAL.test(res.text);
      } finally {
        report(status, scopeRefusal);
      }
    } else {
      res = await this.budgetedExchange(op, budgetKey, token, opts);
    }
    if (res.status === 401 && credential?.handleUnauthorized && token !== null) {
      const canRepeat = await credential.handleUnauthorized(token);
      // A disconnected credential throws REAUTH_REQUIRED here, which is what the caller should see.
      const fresh = await credential.accessToken();
      if (canRepeat && fresh !== token) {
        this.stats.tokenRefreshRetries++;
        token = fresh;
        res = await this.budgetedExchange(op, budgetKey, token, opts);
      }
    }
    if (res.status >= 200 && res.status < 300) {
      if (opts.raw) {
        const raw: RawBody = { contentType: res.contentType ?? null, contentDisposition: res.contentDisposition ?? null, bytes: res.bytes ?? Buffer.alloc(0) };
        return { status: res.status, data: raw as T, rateLimit: res.rateLimit };
      }
      const data = parseJson(res.text);
      // A read's answer is cached: one of the wrong shape is refused here rather than served again.
      const violations = responseViolations(op, data);
      if (violations.length > 0) throw new GhlUpstreamShapeError(op.key, res.status, violations);
      return { status: res.status, data: data as T, rateLimit: res.rateLimit };
    }
    throw errorFor(op, res, parseJson(res.text));
  }

  private async budgetedExchange(op: GhlOperation, budgetKey: string | null, token: string | null, opts: CallOptions): Promise<RawResponse> {
    let takenAt: number | null = null;
    let lane: { key: string; takenAt: number } | null = null;
    if (budgetKey) {
      this.breakers.beforeCall(budgetKey, op.key);
      const priority = opts.priority ?? 'interactive';
      const signal = opts.signal ? { signal: opts.signal } : {};
      let deadlineAt: number | undefined;
      // Interactive calls of one request first wait in their lane, so a heavy request's backlog
      // queues there, not in the location's queue ahead of other requests. Pollers are background
      // and never take the interactive reserve anyway.
      if (this.lanes && opts.lane && priority === 'interactive') {
        const key = `${budgetKey}#${opts.lane}`;
        deadlineAt = this.clock.now() + (this.options.rateLimit?.interactiveMaxWaitMs ?? 10_000);
        lane = { key, takenAt: await this.lanes.acquire(key, { priority, operation: op.key, inFlight: true, ...signal }) };
      }
      try {
        takenAt = await this.limiter.acquire(budgetKey, { priority, operation: op.key, inFlight: true, ...(deadlineAt !== undefined ? { deadlineAt } : {}), ...signal });
      } catch (err) {
        if (lane) this.lanes!.complete(lane.key, lane.takenAt);
        throw err;
      }
    }
    let res: RawResponse;
    const sentAt = this.clock.now();
    try {
      res = await this.exchange(op, token, opts);
    } catch (err) {
      if (budgetKey) this.breakers.recordFailure(budgetKey);
      for (const observe of this.observers) observe({ operation: op, locationId: budgetKey, status: 0, rateLimit: null, durationMs: this.clock.now() - sentAt });
      throw err;
    } finally {
      if (budgetKey && takenAt !== null) this.limiter.complete(budgetKey, takenAt);
      if (lane) this.lanes!.complete(lane.key, lane.takenAt);
    }
    if (budgetKey) {
      if (res.rateLimit) this.limiter.observe(budgetKey, res.rateLimit);
      if (res.status === 429) {
        this.stats.throttled429++;
        this.limiter.penalize(budgetKey, res.rateLimit?.intervalMs ?? undefined);
      }
      if (res.status >= 500) this.breakers.recordFailure(budgetKey);
      else this.breakers.recordSuccess(budgetKey);
    }
    for (const observe of this.observers) observe({ operation: op, locationId: budgetKey, status: res.status, rateLimit: res.rateLimit, durationMs: this.clock.now() - sentAt });
    return res;
  }

  private async exchange(op: GhlOperation, token: string | null, opts: CallOptions): Promise<RawResponse> {
    const url = this.baseUrl + buildPath(op, opts.pathParams) + buildQuery(opts.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (op.version) headers['version'] = op.version;
    if (token) headers['authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(Object.entries(opts.form).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    this.stats.exchanges++;
    if (opts.meter) opts.meter.upstreamCalls++;
    try {
      const res = await undiciRequest(url, { method: op.method, headers, body, dispatcher: this.agent, ...(opts.signal ? { signal: opts.signal } : {}) });
      if (opts.raw && res.statusCode >= 200 && res.statusCode < 300) {
        const bytes = Buffer.from(await res.body.arrayBuffer());
        const header = (name: string) => (typeof res.headers[name] === 'string' ? (res.headers[name] as string) : undefined);
        return { status: res.statusCode, text: '', bytes, contentType: header('content-type'), contentDisposition: header('content-disposition'), rateLimit: parseRateLimitHeaders(res.headers) };
      }
      const text = await res.body.text();
      return { status: res.statusCode, text, rateLimit: parseRateLimitHeaders(res.headers) };
    } catch (err) {
      throw transportError(op, err);
    }
  }
}

interface RawResponse {
  status: number;
  text: string;
  /** Only for `raw` calls that succeeded. */
  bytes?: Buffer;
  contentType?: string | undefined;
  contentDisposition?: string | undefined;
  rateLimit: RateLimitSnapshot | null;
}

/** A failure below HTTP, with what retry.ts needs to know about it. */
class TransportError extends GhlUnavailableError {
  override name = 'GhlTransportError';
  constructor(op: GhlOperation, readonly failure: AttemptFailure, detail: string) {
    const mayHaveArrived = failure.kind === 'timeout' || (failure.kind === 'network' && failure.sentBody);
    super(`GHL did not answer ${op.key}: ${detail}`, op.key, null, mayHaveArrived && !isIdempotent(op.method));
  }
}

/** HTTP failures carry their status so retry.ts can decide. */
class UpstreamStatusError extends GhlUnavailableError {
  override name = 'GhlUpstreamStatusError';
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function transportError(op: GhlOperation, err: unknown): TransportError {
  const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : 'UNKNOWN';
  if (TIMEOUT_CODES.has(code)) return new TransportError(op, { kind: 'timeout' }, 'timed out');
  return new TransportError(op, { kind: 'network', sentBody: !NOT_SENT_CODES.has(code), code }, code);
}

function classifyFailure(err: unknown): AttemptFailure | null {
  if (err instanceof TransportError) return err.failure;
  if (err instanceof UpstreamStatusError && err.status !== null) return { kind: 'status', status: err.status };
  // Only GHL's own 429 is retried here; the limiter's refusal already waited as long as allowed.
  if (err instanceof GhlRateLimitedError && err.status === 429) return { kind: 'status', status: 429, retryAfterMs: err.retryAfterMs };
  return null;
}

/** GHL answers a missing scope with 401 and this message: the token is real, its grant too narrow. */
const SCOPE_REFUSAL = /not authorized for this scope/i;

const isIdempotent = (method: string) => method === 'GET' || method === 'PUT' || method === 'DELETE';

function assertScopes(op: GhlOperation, credential: GhlCredential): void {
  const granted = credential.grantedScopes;
  if (!granted || op.scopes.length === 0) return;
  if (!op.scopes.some((s) => granted.has(s))) throw new GhlScopeError(op.key, op.scopes);
}

function buildQuery(query: CallOptions['query']): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null) search.append(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** GHL answers errors in NestJS shape: `{statusCode, message: string | string[], error}`. */
function upstreamMessages(body: unknown): string[] {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = (body as { message: unknown }).message;
    if (Array.isArray(m)) return m.map(String);
    if (typeof m === 'string') return [m];
  }
  if (body && typeof body === 'object' && 'error' in body && typeof (body as { error: unknown }).error === 'string') {
    return [(body as { error: string }).error];
  }
  return typeof body === 'string' && body.length < 500 ? [body] : [];
}

function errorFor(op: GhlOperation, res: RawResponse, body: unknown): GhlError {
  const messages = upstreamMessages(body);
  const text = messages.join('; ');
  switch (true) {
    case res.status === 401 && /not authorized for this scope/i.test(text):
      // GHL answers a missing scope with 401 and this message; it is a permission, not a credential, problem.
      return new GhlForbiddenError(`GHL refused ${op.key}: the token lacks its scope (${op.scopes.join(' or ')})`, op.key, 401);
    case res.status === 401:
      return new GhlAuthError(`GHL refused the credential for ${op.key}${text ? `: ${text}` : ''}`, op.key, 401);
    case res.status === 403:
      return new GhlForbiddenError(`GHL refused access for ${op.key}${text ? `: ${text}` : ''}`, op.key, 403);
    case res.status === 404:
      return new GhlNotFoundError(text || `Not found (${op.key})`, op.key, 404);
    case res.status === 429:
      return new GhlRateLimitedError(`GHL rate limit reached for ${op.key}`, op.key, 429, res.rateLimit?.intervalMs ?? 10_000);
    case res.status === 414 || res.status === 431:
      // URI or headers too large: the caller's input was too big, whatever GHL's body says.
      return new GhlBadRequestError(op.key, res.status, [`GHL refused the request as too large (${res.status}): shorten the ids, filters or values sent.`]);
    case res.status === 400 || res.status === 422:
      // GHL reports some missing records as 400 "... not found"; treat those as NOT_FOUND.
      if (res.status === 400 && /not found/i.test(text)) return new GhlNotFoundError(text, op.key, 400);
      return new GhlBadRequestError(op.key, res.status, messages);
    default:
      return new UpstreamStatusError(`GHL answered ${res.status} for ${op.key}`, op.key, res.status, res.status >= 500 && !isIdempotent(op.method));
  }
}
