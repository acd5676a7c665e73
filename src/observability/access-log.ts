import { randomUUID } from 'node:crypto';
import { getOperationAST, parse, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorCode, type Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';

/** What the gateway counts per request (the context's `meter`). */
interface Meter {
  upstreamCalls: number;
  cacheHits: number;
}

/** One GraphQL operation in flight. */
interface OperationState {
  requestId: string;
  startedAt: number;
  name: string | null;
  type: string;
  meter: Meter | null;
  logged: boolean;
  /** The query text, kept to name an operation refused before it was executed. */
  query?: string;
}

const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is echoed only if it is short and plain, so it cannot forge log lines or headers. */
const ACCEPTABLE_ID = /^[\w.:@/+=-]{1,128}$/;

/**
 * Request ids, and one access line plus metrics per GraphQL operation.
 * - The id comes from `x-request-id` when the caller sends a plain one, else it is minted; it is
 *   returned in the `x-request-id` response header and is on every line about the request.
 * - The access line (`msg: "graphql"`) has the operation's name and type, duration, upstream
 *   calls, cache hits and outcome (`OK`, or the `extensions.code` of the first error). Queries
 *   and mutations are logged when they finish; subscriptions when they end, with their lifetime.
 * - Requests refused before execution (parse, validation, authentication) get one line too.
 * Levels: `info` for OK and client errors; `warn` when GHL was short (rate budget, unavailable);
 * `error` for masked internal errors (their stack is logged once, by the Yoga logger below).
 */
export function useAccessLog(deps: { logger: Logger; metrics: GatewayMetrics; now?: () => number }): Plugin {
  const now = deps.now ?? (() => performance.now());
  // Keyed by the request object, so nothing outlives it.
  const byRequest = new WeakMap<object, OperationState>();

  const stateFor = (request: object | undefined): OperationState => {
    let state = request ? byRequest.get(request) : undefined;
    if (!state) {
      // graphql-ws connections do not pass through onRequest: give them an id here.
      state = { requestId: randomUUID(), startedAt: now(), name: null, type: 'unknown', meter: null, logged: false };
      if (request) byRequest.set(request, state);
    }
    return state;
  };

  const finish = (state: OperationState, result: ExecutionResult | undefined, extra: Record<string, unknown> = {}, refusal?: string) => {
    if (state.logged) return;
    state.logged = true;
    const durationMs = Math.round((now() - state.startedAt) * 10) / 10;
    const outcome = refusal ?? outcomeOf(result?.errors);
    const operation = deps.metrics.operationLabel(state.name);
    deps.metrics.operationFinished(operation, state.type, outcome, state.type === 'subscription' ? null : durationMs / 1000);
    const level = outcome === 'OK' ? 'info' : outcome === 'INTERNAL_SERVER_ERROR' ? 'error' : GHL_SHORT.has(outcome) ? 'warn' : 'info';
    if (!deps.logger.isLevelEnabled(level)) return;
    const line = {
      requestId: state.requestId,
      operation: { name: state.name, type: state.type },
      durationMs,
      upstreamCalls: state.meter?.upstreamCalls ?? 0,
      cacheHits: state.meter?.cacheHits ?? 0,
      outcome,
      ...extra,
    };
    deps.logger[level](line, 'graphql');
  };

  return {
    onRequest({ request }) {
      const offered = request.headers.get(REQUEST_ID_HEADER);
      const requestId = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
      byRequest.set(request, { requestId, startedAt: now(), name: null, type: 'unknown', meter: null, logged: false });
      deps.metrics.activeRequests.inc();
    },
    onParams({ request, params }) {
      const state = byRequest.get(request);
      if (!state) return;
      if (typeof params.operationName === 'string') state.name = params.operationName;
      if (typeof params.query === 'string') state.query = params.query;
    },
    onExecute({ args }) {
      const ctx = args.contextValue as { request?: object; meter?: Meter };
      const state = stateFor(ctx.request);
      describe(state, args.document, args.operationName, ctx.meter);
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return; // incremental delivery: logged by onResultProcess
          finish(state, result);
        },
      };
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue as { request?: object; meter?: Meter };
      const state = stateFor(ctx.request);
      describe(state, args.document, args.operationName, ctx.meter);
      deps.logger.debug({ requestId: state.requestId, operation: { name: state.name, type: state.type } }, 'subscription started');
      return {
        onSubscribeResult({ result }) {
          if (!(Symbol.asyncIterator in result)) {
            finish(state, result);
            return undefined;
          }
          let events = 0;
          let lastErrors: ExecutionResult['errors'];
          return {
            onNext({ result: next }) {
              events++;
              lastErrors = next.errors;
            },
            onEnd() {
              finish(state, lastErrors ? { errors: lastErrors } : undefined, { events });
            },
          };
        },
      };
    },
    onResultProcess({ request, result }) {
      // Refused before execution: no onExecute ran. Or a batch.
      const state = byRequest.get(request);
      if (!state || state.logged || state.meter) return;
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      if (state.query) {
        try {
          describe(state, parse(state.query), state.name, undefined);
        } catch {
          // Unparseable: the outcome says so.
        }
      }
      finish(state, result);
    },
    onResponse({ request, response }) {
      const state = byRequest.get(request);
      if (!state) return;
      deps.metrics.activeRequests.dec();
      // Refused before the document was read (credential, body size, content type): no GraphQL
      // result exists, but it is still an operation the caller asked for.
      if (!state.logged && response.status >= 400 && new URL(request.url).pathname === GRAPHQL_PATH) {
        finish(state, undefined, { status: response.status, refusedBeforeParse: true }, REFUSAL_OUTCOMES[response.status] ?? 'BAD_REQUEST');
      }
      response.headers.set(REQUEST_ID_HEADER, state.requestId);
    },
  };
}

const GRAPHQL_PATH = '/graphql';

/** The code of a request refused by its HTTP status alone, before any GraphQL result. */
const REFUSAL_OUTCOMES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 413: 'BAD_USER_INPUT', 415: 'BAD_USER_INPUT', 429: 'RATE_LIMITED' };

/** Outcomes that mean "GHL or its budget was short", not "the caller did something wrong". */
const GHL_SHORT = new Set(['RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_RATE_LIMITED']);

function describe(state: OperationState, document: DocumentNode, operationName: string | null | undefined, meter: Meter | undefined): void {
  const op = getOperationAST(document, operationName ?? undefined);
  state.type = op?.operation ?? 'unknown';
  state.name = op?.name?.value ?? operationName ?? state.name;
  state.meter = meter ?? null;
}

function outcomeOf(errors: readonly GraphQLError[] | undefined): string {
  const first = errors?.[0];
  if (!first) return 'OK';
  const code = errorCode(first);
  if (code) return code;
  // Parse and validation errors carry no code and no original error: the caller's mistake.
  return first.originalError ? 'INTERNAL_SERVER_ERROR' : 'GRAPHQL_VALIDATION_FAILED';
}

/**
 * Yoga's own logger, onto ours. Yoga logs every error it masks; most are expected (a GHL 404 or
 * a refused credential becomes a coded GraphQL error), and those are traffic, already on the
 * access line: one `debug` line, no stack. Anything without a code is a bug: `error`, with stack.
 */
export function yogaLogger(logger: Logger) {
  const write = (level: 'debug' | 'info' | 'warn', args: unknown[]) => {
    // Yoga says a few debug words on every request: nothing is built for a level that is off.
    if (!logger.isLevelEnabled(level)) return;
    const [first, ...rest] = args;
    if (first instanceof Error) logger[level]({ err: first }, first.message);
    else logger[level]({ args: rest.length ? rest : undefined }, String(first));
  };
  // Yoga says a few debug words on every request: with debug off (the level is set once, at
  // start), its calls land on a function that does nothing, not even gather its arguments.
  const ignore = () => undefined;
  return {
    debug: logger.isLevelEnabled('debug') ? (...args: unknown[]) => write('debug', args) : ignore,
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => {
      const [first] = args;
      if (first instanceof Error && errorCode(first)) {
        logger.debug({ err: first }, 'client error');
        return;
      }
      if (first instanceof Error) logger.error({ err: first }, 'unexpected error');
      else logger.error({ args }, String(first));
    },
  };
}
