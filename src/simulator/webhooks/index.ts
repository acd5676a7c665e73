import type { Clock, TimerHandle } from '../../lib/clock.js';
import type { UninstallEvent } from '../oauth.js';
import type { SpecOperation } from '../openapi.js';
import { Random } from '../random.js';
import type { HandlerResult, RequestContext, RouteTable } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import { postJson, type PostHandle } from './delivery.js';
import { webhookEvents } from './events.js';
import { clone, uninstallEvent } from './payloads.js';
import type { WebhookKeys } from './signing.js';
import type { EventPayload, EventRule, SimulatorWebhooks, WebhookConfigPatch, WebhookDelivery, WebhookOptions, WriteRequest } from './types.js';

export type { EventPayload, EventRule, SimulatorWebhooks, WebhookConfigPatch, WebhookDelivery, WebhookOptions, WebhookOutcome, WebhookPublicKeys, WriteRequest } from './types.js';
export { generateWebhookKeys, type WebhookKeys } from './signing.js';
export { webhookEvents } from './events.js';

/**
 * Webhook delivery, like GHL's: every successful write becomes the events of `events.ts`, each
 * sent as JSON to the configured URL with `timestamp` and `webhookId` added and both signature
 * headers over the exact bytes sent. Deliveries run after the API answer is decided and never
 * delay it; a receiver answering 429 is retried with a short backoff on the simulator clock, any
 * other answer is final. ASSUMPTIONS.md, section WH.
 */

/** Waits before the 2nd, 3rd and 4th attempt after 429 answers; after the 4th 429 the delivery failed. */
export const RETRY_BACKOFF_MS: readonly number[] = [250, 500, 1000];

export const DEFAULT_WEBHOOK_SEED = 0x3ebb00c5;

export interface WebhookDeps {
  clock: Clock;
  store: SimulatorStore;
  /** The specs' operations, for the snapshots' reads (`WriteRequest.read`). */
  operations: ReadonlyMap<string, SpecOperation>;
  routes: RouteTable;
  oauth: { onUninstall(listener: (event: UninstallEvent) => void): () => void };
  keys: WebhookKeys;
  options?: WebhookOptions;
  /** Defaults to `webhookEvents`. */
  table?: Readonly<Record<string, EventRule>>;
}

export interface WebhookEngine {
  /** What `sim.webhooks` is. */
  api: SimulatorWebhooks;
  /**
   * Called by the pipeline just before a handler runs: takes the rule's snapshot and returns the
   * function to call with the handler's result (2xx answers emit), or null when nothing can emit.
   */
  beforeWrite(ctx: RequestContext): ((result: HandlerResult) => void) | null;
  /** The answer for `/_sim/webhooks…`, or null for other paths. */
  simApi(method: string, path: string): { status: number; body: unknown } | null;
  /** Stops: no new deliveries; waiting and in-flight ones end as `failed`. */
  close(): void;
}

interface Settings {
  url: URL | null;
  dropRate: number;
  duplicateRate: number;
  delayMs: number;
  seed: number;
}

export function createWebhooks(deps: WebhookDeps): WebhookEngine {
  const { clock, store, keys } = deps;
  const table = deps.table ?? webhookEvents;
  const settings: Settings = { url: null, dropRate: 0, duplicateRate: 0, delayMs: 0, seed: DEFAULT_WEBHOOK_SEED };
  applyPatch(settings, deps.options ?? {});
  let rng = new Random(settings.seed);
  const deliveries: WebhookDelivery[] = [];
  let seq = 0;
  let closed = false;
  const inflight = new Set<Promise<void>>();
  const timers = new Map<number, { handle: TimerHandle; resolve: (elapsed: boolean) => void }>();
  const posts = new Set<PostHandle>();
  let waitIds = 0;

  const iso = (ms: number) => new Date(ms).toISOString();

  /** Resolves true after `ms` on the clock, false when the engine closes first. */
  function wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const id = ++waitIds;
      const handle = clock.setTimeout(() => {
        timers.delete(id);
        resolve(true);
      }, ms);
      timers.set(id, { handle, resolve });
    });
  }

  /** GHL sends a location's events to the apps installed there; agency-level events to the agency's apps. */
  function subscribed(p: EventPayload): boolean {
    const installs = [...store.installs.values()];
    if (typeof p['locationId'] === 'string') return installs.some((i) => i.locationId === p['locationId']);
    if (typeof p['companyId'] === 'string') return installs.some((i) => i.companyId === p['companyId']);
    return true;
  }

  function locationOf(p: EventPayload): string | null {
    if (typeof p['locationId'] === 'string') return p['locationId'];
    if (p.type.startsWith('Location') && typeof p['id'] === 'string') return p['id'];
    return null;
  }

  function enqueue(payload: EventPayload, filter: boolean): void {
    if (closed || !settings.url) return;
    if (filter && !subscribed(payload)) return;
    const at = iso(clock.now());
    // Always three draws per event, so the ids do not depend on the rates.
    const webhookId = rng.uuid();
    const drop = rng.next() < settings.dropRate;
    const duplicate = rng.next() < settings.duplicateRate;
    const base = { type: payload.type, webhookId, locationId: locationOf(payload), status: null, duplicate: false, at, attempts: 0 };
    if (drop) {
      deliveries.push({ seq: ++seq, ...base, outcome: 'dropped' });
      return;
    }
    const bytes = Buffer.from(JSON.stringify({ timestamp: at, webhookId, ...payload }), 'utf8');
    let signatures: Record<string, string> | undefined;
    const headers = () => (signatures ??= keys.sign(bytes));
    const url = settings.url;
    const delayMs = settings.delayMs;
    for (let copy = 0; copy < (duplicate ? 2 : 1); copy++) {
      const record: WebhookDelivery = { seq: ++seq, ...base, duplicate: copy === 1, outcome: 'pending' };
      deliveries.push(record);
      const job = run(record, url, bytes, headers, delayMs).finally(() => inflight.delete(job));
      inflight.add(job);
    }
  }

  async function run(record: WebhookDelivery, url: URL, bytes: Buffer, headers: () => Record<string, string>, delayMs: number): Promise<void> {
    const stopped = () => {
      record.outcome = 'failed';
      record.error = 'simulator stopped';
    };
    // Never on the API answer's path: a timer, or at least the next turn of the event loop.
    if (delayMs > 0) {
      if (!(await wait(delayMs))) return stopped();
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    for (let attempt = 1; ; attempt++) {
      if (closed) return stopped();
      record.attempts = attempt;
      const post = postJson(url, bytes, headers());
      posts.add(post);
      const result = await post.done;
      posts.delete(post);
      if ('error' in result) {
        record.outcome = 'failed';
        record.error = result.error;
        return;
      }
      record.status = result.status;
      const backoff = RETRY_BACKOFF_MS[attempt - 1];
      if (result.status === 429 && backoff !== undefined) {
        if (!(await wait(backoff))) return stopped();
        continue;
      }
      record.outcome = result.status >= 200 && result.status < 300 ? 'delivered' : 'failed';
      return;
    }
  }

  function writeRequest(ctx: RequestContext): WriteRequest {
    const token = ctx.token;
    return {
      key: ctx.op.key,
      params: ctx.params,
      query: ctx.query,
      body: ctx.body,
      locationId: token?.locationId ?? null,
      companyId: token?.companyId ?? null,
      store,
      now: iso(clock.now()),
      read(key, params = {}, query = {}) {
        const handler = deps.routes[key];
        const op = deps.operations.get(key);
        if (!handler || !op || op.method !== 'GET') return undefined;
        try {
          const result = handler({ op, params, query, body: undefined, token, store });
          return result.status >= 200 && result.status < 300 ? clone(result.body) : undefined;
        } catch {
          return undefined;
        }
      },
    };
  }

  const unsubscribe = deps.oauth.onUninstall((event) => enqueue(uninstallEvent(event), false));

  const api: SimulatorWebhooks = {
    publicKeys: keys.publicKeys,
    get deliveries() {
      return deliveries;
    },
    get config() {
      return {
        ...(settings.url ? { url: settings.url.href } : {}),
        dropRate: settings.dropRate,
        duplicateRate: settings.duplicateRate,
        delayMs: settings.delayMs,
        seed: settings.seed,
      };
    },
    configure(patch) {
      applyPatch(settings, patch);
      if (patch.seed !== undefined) rng = new Random(settings.seed);
    },
    async flush() {
      await Promise.all([...inflight]);
    },
    clear() {
      deliveries.length = 0;
    },
    emit(payload) {
      if (!payload || typeof payload.type !== 'string') throw new Error('webhooks.emit needs a payload with a string `type`');
      enqueue(clone(payload), false);
    },
  };

  return {
    api,
    beforeWrite(ctx) {
      if (closed || !settings.url || ctx.op.method === 'GET') return null;
      const rule = table[ctx.op.key];
      if (!rule) return null;
      const req = writeRequest(ctx);
      let snapshot: unknown;
      try {
        snapshot = rule.before?.(req);
      } catch (err) {
        console.error(`[simulator] webhook snapshot for ${ctx.op.key} failed`, err);
        return null;
      }
      return (result) => {
        if (result.status < 200 || result.status >= 300) return;
        let payloads: EventPayload[];
        try {
          payloads = rule.events(req, result.body, snapshot);
        } catch (err) {
          console.error(`[simulator] webhook events for ${ctx.op.key} failed`, err);
          return;
        }
        for (const p of payloads) enqueue(p, true);
      };
    },
    simApi(method, path) {
      const p = path.replace(/\/+$/, '');
      if (p === '/_sim/webhooks' && method === 'GET') return { status: 200, body: deliveries };
      if (p === '/_sim/webhooks' && method === 'DELETE') {
        api.clear();
        return { status: 204, body: undefined };
      }
      if (p === '/_sim/webhooks/public-keys' && method === 'GET') return { status: 200, body: keys.publicKeys };
      return null;
    },
    close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      for (const { handle, resolve } of timers.values()) {
        clock.clearTimeout(handle);
        resolve(false);
      }
      timers.clear();
      for (const post of posts) post.abort('simulator stopped');
    },
  };
}

/** Checks and applies a settings patch; throws on a bad value, changing nothing. */
function applyPatch(settings: Settings, patch: WebhookConfigPatch): void {
  const next = { ...settings };
  if ('url' in patch) {
    if (patch.url === undefined || patch.url === null || patch.url === '') next.url = null;
    else {
      let url: URL;
      try {
        url = new URL(patch.url);
      } catch {
        throw new Error(`webhooks.url must be an absolute http(s) URL, got "${patch.url}"`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`webhooks.url must be an http(s) URL, got "${patch.url}"`);
      next.url = url;
    }
  }
  for (const name of ['dropRate', 'duplicateRate'] as const) {
    const v = patch[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`webhooks.${name} must be a number in 0..1, got ${String(v)}`);
    next[name] = v;
  }
  if (patch.delayMs !== undefined) {
    if (typeof patch.delayMs !== 'number' || !(patch.delayMs >= 0) || !Number.isFinite(patch.delayMs)) throw new Error(`webhooks.delayMs must be a number >= 0, got ${String(patch.delayMs)}`);
    next.delayMs = patch.delayMs;
  }
  if (patch.seed !== undefined) {
    if (!Number.isInteger(patch.seed)) throw new Error(`webhooks.seed must be an integer, got ${String(patch.seed)}`);
    next.seed = patch.seed;
  }
  Object.assign(settings, next);
}
