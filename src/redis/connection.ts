import { Redis } from 'ioredis';

/**
 * The gateway's link to Redis when `REDIS_URL` is set: one command connection and one connection
 * in subscriber mode (Redis forbids ordinary commands on a subscribed connection), every key and
 * channel under one prefix (`REDIS_KEY_PREFIX`), so several gateways, or test runs, share a server.
 *
 * Degrading is the rule: commands fail fast while Redis is away (no offline queue, one attempt),
 * each shared concern then falls back to its local behaviour, and the link logs once when Redis
 * goes and once when it comes back, through the app's logger (connection errors rate-limited,
 * the password never). ioredis reconnects by itself; `onRecover` listeners resync.
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
  /** The app's logger, for what the shared concerns report about Redis. */
  readonly logger: RedisLogger;
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
  /** Where state changes and connection errors go (the app's logger); silent when not given. */
  logger?: RedisLogger;
  /** Connection errors are logged at most once per this long, with a count of the others. @default 30_000 */
  errorLogIntervalMs?: number;
}

/** The part of the app's logger (pino) the link writes to. */
export interface RedisLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const silent: RedisLogger = { info: () => undefined, warn: () => undefined };

/** Reconnect quickly at first, then every 2 s: a replica should notice Redis is back soon. */
const retryStrategy = (attempt: number): number => Math.min(100 * attempt, 2_000);

export function connectRedis(opts: RedisLinkOptions): RedisLink {
  const logger = opts.logger ?? silent;
  const where = redact(opts.url);
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
    // No INFO ready check on this connection. ioredis sends a SUBSCRIBE made while the connection
    // is still being set up at once (it may run while Redis loads), which puts the connection in
    // subscriber mode before the check's INFO, which Redis then refuses; a subscription made at
    // that moment was seen lost for good (a replica's relay channel had no listener).
    enableReadyCheck: false,
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy,
  });
  const recoverListeners: (() => void)[] = [];
  const errors = throttledErrors(logger, opts.errorLogIntervalMs ?? 30_000, (text) => scrubPassword(text, opts.url));
  let up = false;
  let everUp = false;
  command.on('ready', () => {
    up = true;
    if (everUp) {
      logger.info({ redis: where, errorsWhileDown: errors.flush() }, 'redis: connection restored; shared cache, budgets, pub/sub and leases resume');
      for (const l of recoverListeners) l();
    }
    everUp = true;
  });
  const down = (why: string) => {
    if (up) logger.warn({ redis: where, why }, 'redis: connection lost; degrading to local cache, local rate limits and in-process pub/sub');
    up = false;
  };
  command.on('close', () => down('closed'));
  command.on('end', () => down('ended'));
  // ioredis emits an error for every failed reconnect (every 2 s while Redis is away): logged
  // through the app's logger, a few at most, never the URL's password.
  command.on('error', (err: Error) => errors.note('command', err));
  subscriber.on('error', (err: Error) => errors.note('subscriber', err));

  return {
    command,
    subscriber,
    logger,
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
          logger.warn({ redis: where }, 'redis: not reachable at start; starting with local behaviour until it answers');
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

/**
 * Connection errors, logged at most once per `intervalMs`: the first at once, then one line per
 * interval saying how many more there were. A Redis outage is a few lines, not one per retry.
 */
function throttledErrors(logger: RedisLogger, intervalMs: number, scrub: (text: string) => string) {
  let lastAt = -Infinity;
  let unlogged = 0;
  let total = 0;
  return {
    note(connection: string, err: Error) {
      total++;
      const now = Date.now();
      if (now - lastAt < intervalMs) {
        unlogged++;
        return;
      }
      lastAt = now;
      const code = (err as { code?: unknown }).code;
      logger.warn({ connection, code: typeof code === 'string' ? code : null, error: scrub(err.message), alsoSince: unlogged }, 'redis: connection error (retrying)');
      unlogged = 0;
    },
    /** How many errors since the last call (the outage that just ended). */
    flush(): number {
      const n = total;
      total = 0;
      unlogged = 0;
      lastAt = -Infinity;
      return n;
    },
  };
}

function scrubPassword(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text.replaceAll(url, 'REDIS_URL');
  }
  return password ? text.replaceAll(password, '***') : text;
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
