import type { SpecOperation } from '../openapi.js';
import type { SimulatorStore, TokenRecord } from '../store.js';

/** What a handler gets: a request that already passed auth, scope, rate limit and spec validation. */
export interface RequestContext {
  op: SpecOperation;
  params: Record<string, string>;
  /** Query with the spec's types applied. */
  query: Record<string, unknown>;
  /** Conforms to the operation's request body schema (or is undefined when it has none). */
  body: unknown;
  /** Null only for operations that take no token (`POST /oauth/token`). */
  token: TokenRecord | null;
  store: SimulatorStore;
}

export interface HandlerResult {
  status: number;
  body: unknown;
}

export type Handler = (ctx: RequestContext) => HandlerResult;

/** Handlers keyed by `METHOD path`, the path exactly as the spec writes it. */
export type RouteTable = Record<string, Handler>;

/** The token's location; handlers of location operations only run for Location tokens (the pipeline checks the scheme). */
export function locationOf(ctx: RequestContext): string {
  if (!ctx.token) throw new Error(`${ctx.op.key} ran without a token`);
  if (ctx.token.locationId === null) throw new Error(`${ctx.op.key} ran with a Company token`);
  return ctx.token.locationId;
}
