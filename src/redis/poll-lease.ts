import type { PollerState, PollLease, PollLeaseFactory } from '../subscriptions/poller.js';
import type { ChangePubSub, TopicMessage } from '../subscriptions/pubsub.js';
import type { RedisLink } from './connection.js';
import { HISTORY_MAX_EVENTS, historyKey } from './event-history.js';
import { redisChannel } from './pubsub.js';

/**
 * One replica polls a topic at a time, under a renewable lease in Redis (`lease:<topic>`, value
 * the replica's id, expiring after `leaseMs`). The holder renews it every third of the lease;
 * every other replica with subscribers on the topic tries to take it on the same beat, so when
 * the holder dies another takes over within `leaseMs` (plus one beat).
 *
 * The diff state (snapshot, baseline time, what webhooks delivered) lives in Redis
 * (`pollstate:<topic>`). A poll's result is committed by one Lua script that checks the lease is
 * still ours, saves the new state and publishes the changes, all or nothing: a holder that dies
 * before its commit published nothing and the next holder finds the same changes against the old
 * state; one that dies after it published them and saved the state that contains them. So a
 * handover neither loses nor repeats a change.
 *
 * Every committed change is also appended to the topic's history (event-history.ts), which gives
 * it the `eventId` a reconnecting client resumes after.
 *
 * Redis away: every replica acts as holder of its own topics (local polling and local pub/sub,
 * which is what its own subscribers need); commits then publish in-process.
 */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
// Each message (a JSON object) is appended to the topic's history first; the stream id it gets is
// spliced in as its `eventId` before it is published.
const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
for i = 6, #ARGV do
  local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', 'm', ARGV[i])
  redis.call('PUBLISH', ARGV[4], '{"eventId":"' .. id .. '",' .. string.sub(ARGV[i], 2))
end
if #ARGV >= 6 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
return 1
`;

interface LeaseCommands {
  ghlLeaseRenew(key: string, me: string, ms: number): Promise<number>;
  ghlLeaseRelease(key: string, me: string): Promise<number>;
  ghlLeaseCommit(lease: string, state: string, history: string, me: string, stateJson: string, ttl: number, channel: string, historyMax: number, ...messages: string[]): Promise<number>;
}

export function redisPollLeases(link: RedisLink, pubsub: ChangePubSub, opts: { leaseMs: number; stateTtlMs?: number }): PollLeaseFactory {
  link.command.defineCommand('ghlLeaseRenew', { numberOfKeys: 1, lua: RENEW });
  link.command.defineCommand('ghlLeaseRelease', { numberOfKeys: 1, lua: RELEASE });
  link.command.defineCommand('ghlLeaseCommit', { numberOfKeys: 3, lua: COMMIT });
  const cmd = link.command as unknown as LeaseCommands & RedisLink['command'];
  const stateTtlMs = opts.stateTtlMs ?? 3_600_000;

  return (topic, onAcquired): PollLease => {
    const leaseKey = `${link.prefix}lease:${topic}`;
    const stateKey = `${link.prefix}pollstate:${topic}`;
    let holding = false;
    let stopped = false;
    let beating = false;

    const beat = async () => {
      if (stopped || beating) return;
      beating = true;
      try {
        if (!link.up) {
          holding = true;
          return;
        }
        if (holding) {
          holding = (await cmd.ghlLeaseRenew(leaseKey, link.replicaId, opts.leaseMs)) === 1;
        } else {
          const won = (await cmd.set(leaseKey, link.replicaId, 'PX', opts.leaseMs, 'NX')) === 'OK';
          if (won && !stopped) {
            holding = true;
            onAcquired();
          }
        }
      } catch {
        // Redis failing mid-call: act locally until it answers again.
        holding = true;
      } finally {
        beating = false;
      }
    };
    const timer = setInterval(() => void beat(), Math.max(50, Math.floor(opts.leaseMs / 3)));
    timer.unref();
    void beat();

    return {
      get holding() {
        return holding;
      },
      async load(): Promise<PollerState | null> {
        if (!link.up) return null;
        try {
          const raw = await cmd.get(stateKey);
          return raw ? (JSON.parse(raw) as PollerState) : null;
        } catch {
          return null;
        }
      },
      async commit(state: PollerState, messages: TopicMessage[]): Promise<boolean> {
        if (link.up) {
          try {
            const ok = await cmd.ghlLeaseCommit(
              leaseKey, stateKey, historyKey(link, topic),
              link.replicaId, JSON.stringify(state), stateTtlMs, redisChannel(link, topic), HISTORY_MAX_EVENTS,
              ...messages.map((m) => JSON.stringify(m)),
            );
            if (ok !== 1) holding = false;
            return ok === 1;
          } catch {
            // Fall through: publish in-process.
          }
        }
        for (const m of messages) pubsub.publish(topic, m);
        return true;
      },
      stop() {
        stopped = true;
        clearInterval(timer);
        if (holding && link.up) void cmd.ghlLeaseRelease(leaseKey, link.replicaId).catch(() => undefined);
        holding = false;
      },
    };
  };
}
