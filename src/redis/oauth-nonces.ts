import type { UsedNonces } from '../installations/oauth-state.js';
import type { RedisLink } from './connection.js';

/**
 * Used OAuth `state` nonces, shared by the replicas: one Redis key per nonce
 * (`oauth:used:<nonce>`), set only if absent and expiring when the state would have, so a state
 * works once whichever replica the callback reaches. Redis away: null (the local rule decides).
 */
export function redisUsedNonces(link: RedisLink): UsedNonces {
  return {
    async markUsed(nonce, ttlMs) {
      if (!link.up) return null;
      try {
        return (await link.command.set(`${link.prefix}oauth:used:${nonce}`, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
      } catch {
        return null;
      }
    },
  };
}
