import type { Config } from '../config/env.js';
import type { Clock } from '../lib/clock.js';
import type { UsedNonces } from '../installations/oauth-state.js';
import type { ChangePubSub, EventHistory } from '../subscriptions/pubsub.js';
import { SharedCacheTier } from './cache.js';
import { connectRedis, type RedisHealth, type RedisLink, type RedisLogger } from './connection.js';
import { redisEventHistory } from './event-history.js';
import { redisUsedNonces } from './oauth-nonces.js';
import { redisPollLeases } from './poll-lease.js';
import { createRedisChangePubSub } from './pubsub.js';
import type { PollLeaseFactory } from '../subscriptions/poller.js';
import { RedisRateGate } from './rate-gate.js';
import { SharedReplayGuard } from './replay-guard.js';
import { RedisRefreshLock, RedisTokenStore } from './token-store.js';

export { shareIngest } from './ingest.js';
export type { RedisHealth } from './connection.js';

/**
 * Everything a replica shares with the others through Redis (`REDIS_URL`), built behind the seams
 * the single-process gateway already has: the TTL cache and its generations, the rate limiter's
 * shared gate, the change pub/sub, the webhook replay guard, the token store and its refresh lock.
 */
export interface ScaleOut {
  link: RedisLink;
  cacheTier: SharedCacheTier;
  rateGate: RedisRateGate;
  pubsub: ChangePubSub;
  /** One replica polls each topic (SUBSCRIPTION_LEASE_MS). */
  pollLeases: PollLeaseFactory;
  /** Each topic's recent changes, for subscriptions that resume after an event id. */
  history: EventHistory;
  replayGuard: SharedReplayGuard;
  /** OAuth `state` nonces used on any replica: an install's callback may land on another one. */
  usedNonces: UsedNonces;
  refreshLock: RedisRefreshLock;
  /** Set when the token store is Redis (TOKEN_STORE=redis, the default with REDIS_URL and a key). */
  tokenStore: RedisTokenStore | null;
  health(): Promise<RedisHealth>;
  close(): Promise<void>;
}

export async function startScaleOut(config: Config, clock: Clock, logger: RedisLogger): Promise<ScaleOut | null> {
  if (!config.redis) return null;
  const link = connectRedis({ url: config.redis.url, prefix: config.redis.keyPrefix, logger });
  await link.whenReady(3_000);
  const pubsub = createRedisChangePubSub(link);
  const tokenStore = config.tokenStore.kind === 'redis' ? await RedisTokenStore.open(link, config.tokenStore.encryptionKey!) : null;
  const cacheTier = new SharedCacheTier(link, { maxL1Entries: config.cache.maxEntries, l1TtlMs: config.redis.l1TtlMs });
  if (link.up) await cacheTier.subscribed;
  return {
    link,
    cacheTier,
    rateGate: new RedisRateGate(link, {
      burstMax: config.rateLimit.burstMax,
      burstWindowMs: config.rateLimit.burstWindowMs,
      dailyMax: config.rateLimit.dailyMax,
      inFlightHoldMs: config.ghl.requestTimeoutMs,
    }),
    pubsub,
    pollLeases: redisPollLeases(link, pubsub, { leaseMs: config.redis.leaseMs }),
    history: redisEventHistory(link),
    replayGuard: new SharedReplayGuard(link, { clock, windowMs: config.webhooks.replayWindowMs }),
    usedNonces: redisUsedNonces(link),
    refreshLock: new RedisRefreshLock(link),
    tokenStore,
    health: () => link.health(),
    close: () => link.close(),
  };
}

/** What `/ready` reports about Redis: `null` when the gateway runs without it. */
export async function redisHealth(scaleOut: ScaleOut | null): Promise<RedisHealth | null> {
  return scaleOut ? scaleOut.health() : null;
}
