import type { GhlCallContext } from '../ghl/endpoints/types.js';
import type { GhlClient } from '../ghl/client.js';
import type { GhlCredential } from '../ghl/credentials.js';
import { GhlError, GhlRateLimitedError } from '../ghl/errors.js';
import type { Clock, TimerHandle } from '../lib/clock.js';
import { stableKey } from '../loaders/keys.js';
import { type Change, type ChangeSource, diffListing, diffOne } from './diff.js';
import type { WatchedResource } from './resources.js';
import type { ChangePubSub, EventHistory, TopicMessage } from './pubsub.js';

type Item = Record<string, unknown>;

/** A resource that can be watched by polling (see sources.ts). */
export interface PollSource<A = unknown> {
  /** Resource name shared with webhooks (`contact`, `contactTask`, …). */
  resource: WatchedResource;
  idOf(item: Item): string;
  /** The complete current view for `args` (paging, with its repeated-cursor guard, inside). */
  list(call: GhlCallContext, args: A): Promise<Item[]>;
  /** Whether a record pushed by a webhook belongs to the view of `args`. */
  matches(args: A, item: Item): boolean;
  /**
   * Set when `list` returns a window (e.g. the 100 most recently updated contacts) rather than
   * everything: a record missing from it is not deleted (deletions then come from webhooks), and
   * a record new to the snapshot is CREATED only if it was added after the poller started.
   */
  window?: { addedAt(item: Item): number | null };
}

export interface PollerBounds {
  /** Interval when a subscription asks for none. */
  defaultIntervalMs: number;
  /** No subscription polls more often than this. */
  minIntervalMs: number;
  /** Nor less often than this, even backing off. */
  maxIntervalMs: number;
  /** Ids a window poller remembers; past this the least recently seen are forgotten. @default 10_000 */
  windowMaxIds?: number;
}

/** What a poller reports about its failures (the app's logger, or nothing). */
export interface PollerReporter {
  /** A poll failed; the poller backs off and goes on (`fatal`: the stream ended). */
  pollFailed?(info: { resource: string; code: string; fatal: boolean; error: unknown }): void;
  /** A bug: something threw outside the poll's own error handling. The poller keeps its schedule. */
  unexpected?(info: { resource: string; error: unknown }): void;
}

/** What a poller needs to go on where another left off: its snapshot and what webhooks delivered. Plain JSON. */
export interface PollerState {
  snapshot: [string, Item][];
  baselineAt: number;
  delivered: [string, { fields: string[]; at: number }][];
}

/**
 * A lease on polling one topic, for pollers of the same topic in several processes
 * (src/redis/poll-lease.ts): only the holder polls, and it commits each poll's state and changes
 * in one step, so the next holder goes on from there.
 */
export interface PollLease {
  readonly holding: boolean;
  /** The state the last holder committed, if any. */
  load(): Promise<PollerState | null>;
  /** Saves `state` and publishes `messages` together, if the lease is still held; false when it was lost. */
  commit(state: PollerState, messages: TopicMessage[]): Promise<boolean>;
  stop(): void;
}

/** Makes the lease of a topic; `onAcquired` is called when this process takes it over. */
export type PollLeaseFactory = (topic: string, onAcquired: () => void) => PollLease;

/** Pushes kept while the first listing is still to come (it may be failing): beyond these, the listing decides. */
const MAX_EARLY_PUSHES = 1_000;

const timeOf = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) || null : null);

/** Failures that end a stream: the credential can no longer read this resource. */
const FATAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'REAUTH_REQUIRED']);

/**
 * One poller per (tenant, resource, normalized arguments), shared by every subscriber of that
 * key. It starts with the first subscriber and stops with the last. Its snapshot is the truth the
 * diffs are made against; webhook deliveries update the same snapshot, so a change is published
 * once whichever source sees it first.
 */
export class SharedPoller {
  subscribers = 0;
  private snapshot = new Map<string, Item>();
  private baselined = false;
  private timer: TimerHandle | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private backoff = 1;
  private readonly abort = new AbortController();
  /** Fields a webhook already delivered per id, so the next poll does not publish them again. */
  private readonly deliveredByWebhook = new Map<string, { fields: Set<string>; at: number }>();
  /**
   * Records last pushed by a gateway write, whose webhook echo is still to come: GHL's webhook
   * for the same write carries fields the API answer leaves out (`dateAdded`, `locationId`…).
   */
  private readonly awaitingEcho = new Map<string, number>();
  /** Upstream polls made, for tests and benchmarks. */
  polls = 0;
  /** With a lease: whether the state is this holder's own (loaded or made since it took the lease). */
  private leaseState = false;
  /** While a leased poll runs: the messages it will commit with its state. */
  private outbox: TopicMessage[] | null = null;
  private lease: PollLease | null = null;

  /** Records held in the snapshot (bounded for window sources by `windowMaxIds`). */
  get snapshotSize(): number {
    return this.snapshot.size;
  }

  constructor(
    readonly key: string,
    readonly topic: string,
    private readonly source: PollSource,
    private readonly args: unknown,
    private readonly call: GhlCallContext,
    private intervalMs: number,
    private readonly deps: { clock: Clock; pubsub: ChangePubSub; bounds: PollerBounds; onFatal: (p: SharedPoller) => void; leases?: PollLeaseFactory; reporter?: PollerReporter },
  ) {}

  /** True once the first listing is in: changes from then on are published. */
  get ready(): boolean {
    return this.baselined;
  }

  get resource(): string {
    return this.source.resource;
  }

  get tenantKey(): string {
    return this.call.credential.tenantKey;
  }

  /** Asks for a shorter interval (the shortest asked for wins, within bounds). */
  requestInterval(ms: number): void {
    if (ms < this.intervalMs) {
      this.intervalMs = ms;
      if (this.timer) this.schedule(0);
    }
  }

  start(): void {
    // Taking the lease over (its holder died or left) polls at once, from the state it left: the
    // state this process held in an earlier tenure may be behind what the holders since committed.
    this.lease =
      this.deps.leases?.(this.topic, () => {
        this.leaseState = false;
        this.schedule(0);
      }) ?? null;
    this.startedAt = this.deps.clock.now();
    this.schedule(0);
  }

  stop(): void {
    this.lease?.stop();
    this.stopped = true;
    this.early = [];
    this.abort.abort(new Error('poller stopped'));
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for a poll in progress (tests, shutdown). */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Runs one poll now (tests drive pollers this way on a fake clock too). */
  async tick(): Promise<void> {
    if (this.stopped) return;
    this.running ??= (this.lease ? this.leasedPoll(this.lease) : this.poll()).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * A change pushed by a webhook, or the answer of a write made through this gateway. Published
   * unless the snapshot already has it (a poll or an earlier push saw it first); remembered so the
   * next poll does not publish it again.
   */
  applyExternal(kind: 'UPSERT' | 'DELETE', id: string, fields: Item, occurredAt: string, source: Exclude<ChangeSource, 'POLL'> = 'WEBHOOK'): Change | null {
    if (this.stopped) return null;
    // Another replica holds the topic's state: the change reaches it there (src/redis/ingest.ts).
    if (this.lease && !(this.lease.holding && this.leaseState)) return null;
    if (!this.baselined) {
      // Subscribers are listening already: kept, and judged against the first listing.
      if (this.early.length < MAX_EARLY_PUSHES) this.early.push({ kind, id, fields, occurredAt, source });
      return null;
    }
    if (kind === 'UPSERT' && !this.source.matches(this.args, { ...this.snapshot.get(id), ...fields })) return null;
    const known = this.snapshot.get(id);
    if (kind === 'DELETE') {
      if (!known) return null;
      this.snapshot.delete(id);
      return this.publish({ kind: 'DELETED', id, node: known, changedFields: [], occurredAt, source });
    }
    // Webhook payloads carry empty fields the API record leaves out (e.g. `attachments: []`): for a
    // record already known, an empty value of a field it does not have is shape, not change.
    // After a gateway write, fields only the webhook carries are that write's shape, not news:
    // they join the snapshot without being published.
    const echo = source === 'WEBHOOK' && known !== undefined && this.awaitingEcho.delete(id);
    if (source === 'MUTATION') this.awaitingEcho.set(id, this.deps.clock.now());
    const relevant = known ? Object.fromEntries(Object.entries(fields).filter(([k, v]) => k in known || (!echo && !isEmpty(v)))) : fields;
    const merged = { ...known, ...(echo ? fields : relevant) };
    const covered = this.deliveredByWebhook.get(id)?.fields ?? new Set<string>();
    for (const f of Object.keys(relevant)) covered.add(f);
    this.deliveredByWebhook.set(id, { fields: covered, at: this.deps.clock.now() });
    const change = diffOne(known, { ...known, ...relevant }, id, occurredAt, source);
    // A window (the 100 most recent) does not hold every record: one new to it that was added
    // before the poller started is an update of a record outside the window, not a creation.
    const addedAt = !known && this.source.window ? this.source.window.addedAt(merged) : null;
    if (change && addedAt !== null && addedAt < this.baselineAt) change.kind = 'UPDATED';
    this.snapshot.set(id, merged);
    return change ? this.publish(change) : null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      void this.tickAndReschedule();
    }, delayMs);
  }

  /** A poll under a lease: only the holder polls; the state and the changes are committed together. */
  private async leasedPoll(lease: PollLease): Promise<void> {
    if (!lease.holding) {
      this.leaseState = false;
      return;
    }
    if (!this.leaseState) {
      const state = await lease.load();
      if (state) this.restore(state);
      this.leaseState = true;
    }
    this.outbox = [];
    try {
      await this.poll();
    } finally {
      const messages = this.outbox;
      this.outbox = null;
      if (!this.stopped && this.baselined && !(await lease.commit(this.exportState(), messages))) this.leaseState = false;
    }
  }

  private exportState(): PollerState {
    return {
      snapshot: [...this.snapshot],
      baselineAt: this.baselineAt,
      delivered: [...this.deliveredByWebhook].map(([id, d]) => [id, { fields: [...d.fields], at: d.at }]),
    };
  }

  private restore(state: PollerState): void {
    this.snapshot = new Map(state.snapshot);
    this.baselineAt = state.baselineAt;
    this.baselined = true;
    this.deliveredByWebhook.clear();
    for (const [id, d] of state.delivered) this.deliveredByWebhook.set(id, { fields: new Set(d.fields), at: d.at });
  }

  /** Never rejects: whatever throws is reported, and the next poll is scheduled all the same. */
  private async tickAndReschedule(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.reportUnexpected(error);
    }
    try {
      this.schedule(Math.min(this.intervalMs * this.backoff, this.deps.bounds.maxIntervalMs));
    } catch (error) {
      this.reportUnexpected(error);
    }
  }

  private reportUnexpected(error: unknown): void {
    try {
      this.deps.reporter?.unexpected?.({ resource: this.source.resource, error });
    } catch {
      // A failing reporter must not stop the poller either.
    }
  }

  private async poll(): Promise<void> {
    let listing: Item[];
    const startedAt = this.deps.clock.now();
    try {
      this.polls++;
      listing = await this.source.list({ ...this.call, client: this.call.client.withSignal(this.abort.signal) }, this.args);
      this.backoff = 1;
    } catch (err) {
      if (this.stopped) return;
      const fatal = err instanceof GhlError && FATAL_CODES.has(err.code);
      try {
        this.deps.reporter?.pollFailed?.({ resource: this.source.resource, code: err instanceof GhlError ? err.code : 'INTERNAL', fatal, error: err });
      } catch {
        // Reporting is best effort.
      }
      if (err instanceof GhlError && FATAL_CODES.has(err.code)) {
        this.stop();
        void this.deps.pubsub.publish(this.topic, { end: { code: err.code, message: err.message } });
        this.deps.onFatal(this);
        return;
      }
      // Budget short or GHL failing: poll less often until a poll succeeds.
      if (err instanceof GhlRateLimitedError || err instanceof GhlError) this.backoff = Math.min(this.backoff * 2, 16);
      return;
    }
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const occurredAt = new Date(now).toISOString();
    const { changes, next } = this.source.window ? this.diffWindow(listing, occurredAt) : diffListing(this.snapshot, listing, this.source.idOf, occurredAt);
    const previous = this.snapshot;
    this.snapshot = next;
    if (!this.baselined) {
      this.baselineAt = now;
      // The first listing is what subscribers start from: it is not news.
      this.baselined = true;
      this.deliveredByWebhook.clear();
      this.replayEarly();
      return;
    }
    for (const change of changes) {
      const delivered = this.deliveredByWebhook.get(change.id);
      if (delivered && delivered.at >= startedAt) {
        // The webhook is newer than this listing, which may predate the change: keep the
        // webhook's state, and judge the record again at the next poll.
        const kept = previous.get(change.id);
        if (kept) this.snapshot.set(change.id, kept);
        continue;
      }
      const covered = delivered?.fields;
      if (covered && change.kind === 'UPDATED') {
        // Only fields no webhook delivered are news; the rest is the webhook's change as GHL stored it.
        const fresh = change.changedFields.filter((f) => covered.has(f) && f in change.node);
        if (fresh.length === 0) continue;
        change.changedFields = fresh;
      }
      if (covered && change.kind === 'CREATED') continue;
      this.publish(change);
    }
    // An echo not come within a whole interval is lost (GHL drops some): a later webhook is news.
    for (const [id, at] of this.awaitingEcho) if (at < startedAt - this.intervalMs) this.awaitingEcho.delete(id);
    // Webhooks newer than this listing are judged again at the next poll.
    for (const [id, d] of this.deliveredByWebhook) if (d.at < startedAt) this.deliveredByWebhook.delete(id);
  }

  private baselineAt = 0;
  private startedAt = 0;
  /** Changes pushed between the first subscriber and the first listing. */
  private early: { kind: 'UPSERT' | 'DELETE'; id: string; fields: Item; occurredAt: string; source: Exclude<ChangeSource, 'POLL'> }[] = [];

  /**
   * Pushes that came before the first listing are news to subscribers, who were listening. The
   * listing may predate them (they then diff as usual) or already hold them: then the push is
   * published as it stands, once per record (a write's webhook echo is not a second change).
   */
  private replayEarly(): void {
    const published = new Set<string>();
    for (const push of this.early.splice(0)) {
      const known = this.snapshot.get(push.id);
      const change = this.applyExternal(push.kind, push.id, push.fields, push.occurredAt, push.source);
      if (change) published.add(push.id);
      if (change || published.has(push.id) || push.kind === 'DELETE' || !known || !this.source.matches(this.args, known)) continue;
      const addedAt = this.source.window ? this.source.window.addedAt(known) : timeOf(known['dateAdded'] ?? known['createdAt']);
      const created = addedAt !== null && addedAt >= this.startedAt;
      const fields = Object.keys(push.fields).filter((f) => f in known && f !== 'id');
      this.publish({ kind: created ? 'CREATED' : 'UPDATED', id: push.id, node: known, changedFields: created ? Object.keys(known).sort() : fields.sort(), occurredAt: push.occurredAt, source: push.source });
      published.add(push.id);
    }
  }

  /** Diff for a window listing: nothing is inferred deleted; "new to us" is CREATED only if added after the baseline. */
  private diffWindow(listing: Item[], occurredAt: string): { changes: Change[]; next: Map<string, Item> } {
    const next = new Map(this.snapshot);
    const changes: Change[] = [];
    for (const item of listing) {
      const id = this.source.idOf(item);
      const known = this.snapshot.get(id);
      // Re-inserted, so the map's order is "least recently listed first" for eviction below.
      next.delete(id);
      next.set(id, item);
      const change = diffOne(known, item, id, occurredAt, 'POLL');
      if (!change) continue;
      if (!known && this.baselined) {
        const addedAt = this.source.window!.addedAt(item);
        if (addedAt !== null && addedAt < this.baselineAt) change.kind = 'UPDATED';
      }
      changes.push(change);
    }
    // A window never says what left it, so without a bound the snapshot would keep every id ever
    // seen. Forgetting one that long left the window is harmless: if it comes back it is judged
    // by addedAt again (UPDATED unless new since the baseline).
    const max = this.deps.bounds.windowMaxIds ?? 10_000;
    for (const id of next.keys()) {
      if (next.size <= max) break;
      next.delete(id);
    }
    return { changes, next };
  }

  /** Changes published so far (tests and operators). */
  published = 0;

  private publish(change: Change): Change {
    this.published++;
    if (this.outbox) this.outbox.push({ change });
    else if (this.lease) void this.lease.commit(this.exportState(), [{ change }]);
    else void this.deps.pubsub.publish(this.topic, { change });
    return change;
  }
}

/** A pushed change: tenant, resource, UPSERT or DELETE, record id, fields, when, and who pushed it. */
export type IngestArgs = Parameters<PollerRegistry['ingestHere']>;

/**
 * All shared pollers of the process. Subscriptions `acquire` a poller and `release` it when they
 * end (a disconnect included); the last release stops it, so nothing polls for no one.
 */
export class PollerRegistry {
  private readonly pollers = new Map<string, SharedPoller>();

  readonly pubsub: ChangePubSub;
  /** The clock pollers run on; pushed changes take their `occurredAt` from it too. */
  readonly clock: Clock;

  constructor(
    private readonly deps: { client: GhlClient; clock: Clock; pubsub: ChangePubSub; bounds: PollerBounds; leases?: PollLeaseFactory; history?: EventHistory; reporter?: PollerReporter },
  ) {
    this.pubsub = deps.pubsub;
    this.clock = deps.clock;
  }

  /**
   * The changes of `topic` published after `eventId`, oldest first, from the shared history (a
   * client resuming on this replica what it followed on another). None without a history, or
   * when it cannot be read: the stream then goes on live only.
   */
  async replay(topic: string, eventId: string): Promise<TopicMessage[]> {
    if (!this.deps.history) return [];
    try {
      return await this.deps.history.after(topic, eventId);
    } catch {
      return [];
    }
  }

  acquire<A>(opts: { credential: GhlCredential; source: PollSource<A>; args: A; intervalMs?: number | null }): { poller: SharedPoller; release: () => void } {
    const { bounds } = this.deps;
    const interval = clamp(opts.intervalMs ?? bounds.defaultIntervalMs, bounds.minIntervalMs, bounds.maxIntervalMs);
    const key = `${opts.credential.tenantKey}:${opts.source.resource}:${stableKey(opts.args)}`;
    let poller = this.pollers.get(key);
    if (!poller) {
      const call: GhlCallContext = { client: this.deps.client, credential: opts.credential, priority: 'background' };
      poller = new SharedPoller(key, `changes:${key}`, opts.source as PollSource, opts.args, call, interval, {
        ...this.deps,
        onFatal: (p) => this.pollers.delete(p.key),
      });
      this.pollers.set(key, poller);
      poller.start();
    } else {
      poller.requestInterval(interval);
    }
    poller.subscribers++;
    const acquired = poller;
    let released = false;
    return {
      poller: acquired,
      release: () => {
        if (released) return;
        released = true;
        acquired.subscribers--;
        if (acquired.subscribers <= 0) {
          acquired.stop();
          if (this.pollers.get(acquired.key) === acquired) this.pollers.delete(acquired.key);
        }
      },
    };
  }

  /** Where pushed changes are also sent, for the pollers of other replicas (src/redis/ingest.ts). */
  private relay: ((args: IngestArgs) => void) | null = null;

  /**
   * Routes a pushed change (a webhook's, or a gateway write's) to every poller of that tenant and
   * resource: this process's, and through the relay every other replica's, since the one that
   * holds the topic's lease, and publishes for all, may be another.
   */
  ingest(...args: IngestArgs): number {
    this.relay?.(args);
    return this.ingestHere(...args);
  }

  /** Sends every pushed change to `relay` too (set once, with Redis). */
  relayIngest(relay: (args: IngestArgs) => void): void {
    this.relay = relay;
  }

  /** Applies a pushed change to this process's pollers only (one relayed from another replica). */
  ingestHere(tenantKey: string, resource: WatchedResource, kind: 'UPSERT' | 'DELETE', id: string, fields: Record<string, unknown>, occurredAt: string, source: Exclude<ChangeSource, 'POLL'> = 'WEBHOOK'): number {
    let published = 0;
    for (const poller of this.pollers.values()) {
      if (poller.tenantKey === tenantKey && poller.resource === resource && poller.applyExternal(kind, id, fields, occurredAt, source)) published++;
    }
    return published;
  }

  list(): SharedPoller[] {
    return [...this.pollers.values()];
  }

  /** Stops every poller of a tenant (its installation was disconnected) and ends their streams with `reason`. */
  stopTenant(tenantKey: string, reason: { code: string; message: string }): number {
    let stopped = 0;
    for (const [key, poller] of this.pollers) {
      if (poller.tenantKey !== tenantKey) continue;
      poller.stop();
      this.pollers.delete(key);
      void this.pubsub.publish(poller.topic, { end: reason });
      stopped++;
    }
    return stopped;
  }

  stopAll(): void {
    for (const p of this.pollers.values()) p.stop();
    this.pollers.clear();
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max);
}

