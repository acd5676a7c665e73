import { GraphQLError } from 'graphql';
import type { GhlClient } from './ghl/client.js';
import type { GhlCredential } from './ghl/credentials.js';
import { passThroughCredential } from './ghl/credentials.js';
import type { GhlCallContext } from './ghl/endpoints/types.js';
import type { InstallationRegistry } from './ghl/installations.js';
import type { CachedFetcher } from './loaders/cache.js';
import { createLoaders, type LoaderMeter, type Loaders } from './loaders/index.js';
import type { PollerRegistry } from './subscriptions/poller.js';

/** Per-request state. Built fresh for every GraphQL request by `createContext`; nothing here outlives it. */
export interface GraphQLContext {
  /** Whose GHL data this request may see. */
  credential: GhlCredential;
  ghl: GhlCallContext;
  /**
   * For agency-only operations: the held agency credential of the caller's agency, when the
   * caller uses a held installation. Null for pass-through tokens and when no agency is connected.
   */
  agency: GhlCallContext | null;
  loaders: Loaders;
  /** What this request cost upstream; reported in `extensions.cost`. */
  meter: LoaderMeter;
  /** The cross-request cache tier, for invalidation after writes. */
  fetcher: CachedFetcher;
  /** The process's shared pollers, for subscriptions. */
  pollers: PollerRegistry;
  /** Whether root fields start their children's loads with their own (schema/shared/prefetch.ts). */
  prefetch: boolean;
  /**
   * New loaders for this context. A subscription's context lives as long as the subscription, so
   * it takes fresh loaders for each event instead of serving what it loaded an hour ago.
   */
  refreshLoaders(): void;
}

/** Long-lived parts of the app that every request context draws on. */
export interface ContextDeps {
  client: GhlClient;
  fetcher: CachedFetcher;
  installations: InstallationRegistry;
  /** Gateway API keys → the location whose held credential they unlock. Empty: no key needed. */
  apiKeys: ReadonlyMap<string, string>;
  /** Whether callers without a credential may use held installations (`GATEWAY_ALLOW_ANONYMOUS`). */
  allowAnonymous: boolean;
  /** Whether a bearer that is not an API key is taken as the caller's own GHL token (`GATEWAY_PASSTHROUGH`). */
  passThrough: boolean;
  tenantHashSecret: string;
  pollers: PollerRegistry;
  /** Look ahead and load children with their parent; off only to measure or compare. */
  prefetch: boolean;
}

/** `credential`: already decided for this request (before its body was parsed); else decided here. */
export function createContext(deps: ContextDeps, request: { headers: { get(name: string): string | null } }, credential: GhlCredential = resolveCredential(deps, request)): GraphQLContext {
  const meter: LoaderMeter = { upstreamCalls: 0, cacheHits: 0 };
  // One lane per request: it may hold only a share of a location's window (fair sharing).
  const client = deps.client.forRequest();
  const ghl: GhlCallContext = { client, credential, priority: 'interactive', meter };
  const held = deps.installations.get(credential.locationId) === credential;
  const agencyCredential = held ? deps.installations.company() : undefined;
  const agency: GhlCallContext | null = agencyCredential ? { client, credential: agencyCredential, priority: 'interactive', meter } : null;
  const context: GraphQLContext = {
    credential,
    ghl,
    agency,
    meter,
    fetcher: deps.fetcher,
    pollers: deps.pollers,
    prefetch: deps.prefetch,
    loaders: createLoaders({ ghl, agency, fetcher: deps.fetcher, meter }),
    refreshLoaders() {
      context.loaders = createLoaders({ ghl, agency, fetcher: deps.fetcher, meter });
    },
  };
  return context;
}

/**
 * Who is calling, from a verified credential, never from a bare header alone:
 * - `Authorization: Bearer <gateway API key>`: the held installation that key unlocks;
 * - `Authorization: Bearer <GHL token>` plus `x-location-id`, when pass-through is on: the
 *   caller's own token, with a tenant of its own (cache and budget keyed by a hash of the token);
 * - nothing, when anonymous use is allowed: the held installation named by `x-location-id`, or
 *   the first one.
 */
export function resolveCredential(deps: ContextDeps, request: { headers: { get(name: string): string | null } }): GhlCredential {
  const auth = request.headers.get('authorization');
  const locationHeader = request.headers.get('x-location-id')?.trim() || null;
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  if (auth && !bearer) throw unauthenticated('The Authorization header must be "Bearer <token>".');

  if (bearer) {
    const keyLocation = deps.apiKeys.get(bearer);
    if (keyLocation) return heldCredential(deps, keyLocation);
    // Without pass-through a bearer is an API key or nothing: an unknown one never reaches GHL.
    if (!deps.passThrough) throw unauthenticated(deps.apiKeys.size > 0 ? 'Unknown API key.' : NO_CALLERS);
    if (!locationHeader) {
      throw unauthenticated('A GHL token passed through needs the `x-location-id` header naming its location.');
    }
    return passThroughCredential({ locationId: locationHeader, token: bearer, secret: deps.tenantHashSecret });
  }

  if (!deps.allowAnonymous) {
    throw unauthenticated(deps.apiKeys.size > 0 || deps.passThrough ? `Send "Authorization: Bearer <${deps.passThrough ? 'API key or GHL token' : 'API key'}>".` : NO_CALLERS);
  }
  if (locationHeader) return heldCredential(deps, locationHeader);
  const first = deps.installations.first();
  if (!first) throw unauthenticated('No GHL installation is connected yet.');
  return first;
}

/** A live gateway with no API keys, no pass-through and no anonymous use: closed to everyone, on purpose. */
const NO_CALLERS = 'This gateway admits no callers: set GATEWAY_API_KEYS (or GATEWAY_ALLOW_ANONYMOUS=on on a private network).';

function heldCredential(deps: ContextDeps, locationId: string): GhlCredential {
  const credential = deps.installations.get(locationId);
  if (!credential) throw unauthenticated(`No installation is connected for location ${locationId}.`);
  return credential;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
