import { Redis } from 'ioredis';

/**
 * The gateway's link to Redis when `REDIS_URL` is set: one command connection and one connection
 * in subscriber mode (Redis forbids ordinary commands on a subscribed connection), every key and
 * channel under one prefix (`REDIS_KEY_PREFIX`), so several gateways, or test runs, share a server.
 *
 * Degrading is the rule: commands fail fast while Redis is away (no offline queue, one attempt),
 * each shared concern then falls back to its local behaviour, and the link logs once when Redis
 * goes and once when it comes back. ioredis reconnects by itself; `onReady` listeners resync.
 */
export interface RedisLink {
  /** Commands: caching, budgets, leases, tokens. Fails fast while Redis is down. */
  readonly command: Redis;
  /** Subscriber-mode connection for pub/sub; resubscribes by itself after a reconnect. */
  readonly subscriber: Redis;
  /** Prefix of every key and channel this gateway uses. */
  readonly prefix: string;
  /** Identifies this process in leases and locks (unique per start). */
  readonly replicaId: string;
  /** Whether the command connection is usable now. */
  readonly up: boolean;
  /** Resolves true once connected, or false after `timeoutMs` (the gateway then starts degraded). */
  whenReady(timeoutMs: number): Promise<boolean>;
  /** Called every time the command connection becomes ready again after being down. */
  onRecover(listener: () => void): void;
  /** Pings Redis (bounded by `timeoutMs`): what `/ready` reports. */
  health(timeoutMs?: number): Promise<RedisHealth>;
  close(): Promise<void>;
}

export interface RedisHealth {
  ok: boolean;
  /** Round trip of a PING, when it answered. */
  latencyMs: number | null;
  error: string | null;
}

export interface RedisLinkOptions {
  url: string;
  prefix: string;
  /** How a state change is reported; the default writes one line to stderr. */
  log?: (message: string) => void;
}

/** Reconnect quickly at first, then every 2 s: a replica should notice Redis is back soon. */
const retryStrategy = (attempt: number): number => Math.min(100 * attempt, 2_000);

export function connectRedis(opts: RedisLinkOptions): RedisLink {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${new Date().toISOString()} ${m}\n`));
  const command = new Redis(opts.url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy,
  });
  const subscriber = new Redis(opts.url, {
    // Subscriptions made while Redis is away are queued and sent on reconnect.
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy,
  });
  const recoverListeners: (() => void)[] = [];
  let up = false;
  let everUp = false;
  command.on('ready', () => {
    up = true;
    if (everUp) {
      log(`redis: connection restored (${redact(opts.url)}); shared cache, budgets, pub/sub and leases resume`);
      for (const l of recoverListeners) l();
    }
    everUp = true;
  });
  const down = (why: string) => {
    if (up) log(`redis: connection lost (${why}); degrading to local cache, local rate limits and in-process pub/sub`);
    up = false;
  };
  command.on('close', () => down('closed'));
  command.on('end', () => down('ended'));
  // Without a listener ioredis prints every failed reconnect; the state change above is enough.
  command.on('error', () => undefined);
  subscriber.on('error', () => undefined);

  return {
    command,
    subscriber,
    prefix: opts.prefix,
    replicaId: `${process.pid}-${globalThis.crypto.randomUUID().slice(0, 8)}`,
    get up() {
      return up;
    },
    whenReady(timeoutMs) {
      if (up) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          command.off('ready', onReady);
          log(`redis: not reachable at start (${redact(opts.url)}); starting with local behaviour until it answers`);
          resolve(false);
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        command.once('ready', onReady);
      });
    },
    onRecover(listener) {
      recoverListeners.push(listener);
    },
    async health(timeoutMs = 500) {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          command.ping(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, error: null };
      } catch (err) {
        return { ok: false, latencyMs: null, error: err instanceof Error ? err.message : 'unknown error' };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      command.disconnect();
      subscriber.disconnect();
    },
  };
}

/** The URL without its password, for logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}
