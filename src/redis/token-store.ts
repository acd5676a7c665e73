import { GhlUnavailableError } from '../ghl/errors.js';
import { createSecretBox, SecretBoxError, type SecretBox } from '../ghl/secret-box.js';
import { normalizeInstallation, TokenStoreError, type Installation, type TokenStore } from '../ghl/token-store.js';
import type { RedisLink } from './connection.js';

/**
 * Installations in Redis, shared by every replica, tokens sealed at rest exactly as in the sqlite
 * store: each token with the secret box (AES-256-GCM, `TOKEN_ENCRYPTION_KEY`), bound to its
 * installation id and field, so a sealed value copied elsewhere does not open. Everything else
 * (ids, scopes, expiry, status) stays readable for operators.
 *
 * Keys: `inst:<id>` (one JSON record each) and `inst:ids` (the set of ids). They carry no TTL: an
 * installation lives until it is deleted, and their number is bounded by the locations and
 * agencies that installed the app. Durability is Redis's: run it with AOF (`appendonly yes`) when
 * it holds the only copy of a rotating refresh token.
 *
 * A wrong key is caught at open, as in the sqlite store: a known value sealed at `inst:keycheck`.
 *
 * A write that fails (Redis went away between a refresh and its storing) is kept in memory, served
 * by `get`, and written when Redis returns: a rotated refresh token is never dropped.
 */
export class RedisTokenStore implements TokenStore {
  private readonly unsynced = new Map<string, Installation>();

  private constructor(private readonly link: RedisLink, private readonly box: SecretBox) {
    link.onRecover(() => void this.flush());
  }

  private async flush(): Promise<void> {
    for (const [id, inst] of [...this.unsynced]) {
      try {
        await this.write(inst);
        if (this.unsynced.get(id) === inst) this.unsynced.delete(id);
      } catch {
        return;
      }
    }
  }

  static async open(link: RedisLink, secret: string): Promise<RedisTokenStore> {
    const store = new RedisTokenStore(link, createSecretBox(secret));
    await store.checkKey();
    return store;
  }

  private key(id: string): string {
    return `${this.link.prefix}inst:${id}`;
  }

  private get idsKey(): string {
    return `${this.link.prefix}inst:ids`;
  }

  private async checkKey(): Promise<void> {
    const key = `${this.link.prefix}inst:keycheck`;
    const sealed = this.box.seal(KEY_CHECK_PLAIN, 'keycheck');
    await this.link.command.set(key, sealed, 'NX');
    const stored = await this.link.command.get(key);
    let opened: string | null = null;
    try {
      opened = stored ? this.box.open(stored, 'keycheck') : null;
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
    }
    if (opened !== KEY_CHECK_PLAIN) {
      throw new TokenStoreError('The installations in Redis were sealed with another TOKEN_ENCRYPTION_KEY; refusing to mix keys.');
    }
  }

  async get(id: string): Promise<Installation | undefined> {
    const pending = this.unsynced.get(id);
    if (pending) return { ...pending, scopes: [...pending.scopes] };
    const raw = await this.link.command.get(this.key(id));
    return raw === null ? undefined : this.fromRecord(JSON.parse(raw) as StoredRecord);
  }

  async put(installation: Installation): Promise<void> {
    const inst = normalizeInstallation(installation);
    try {
      await this.write(inst);
      this.unsynced.delete(inst.id);
    } catch {
      this.unsynced.set(inst.id, inst);
      this.link.logger.warn({ installation: inst.id }, 'redis: installation kept in memory until Redis answers');
    }
  }

  private async write(inst: Installation): Promise<void> {
    await this.link.command
      .multi()
      .set(this.key(inst.id), JSON.stringify(this.toRecord(inst)))
      .sadd(this.idsKey, inst.id)
      .publish(this.changesChannel, JSON.stringify({ from: this.link.replicaId, id: inst.id }))
      .exec();
  }

  private get changesChannel(): string {
    return `${this.link.prefix}inst:changed`;
  }

  /**
   * Calls `listener` with the id of an installation another replica stored (an install, a
   * refresh, a disconnection), so this replica can pick it up. The message carries no token.
   */
  onChange(listener: (id: string) => void): void {
    this.link.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.changesChannel) return;
      try {
        const m = JSON.parse(raw) as { from: string; id: string };
        if (m.from !== this.link.replicaId) listener(m.id);
      } catch {
        // Ignored: the next refresh reads the store anyway.
      }
    });
    void this.link.subscriber.subscribe(this.changesChannel).catch(() => undefined);
  }

  async delete(id: string): Promise<void> {
    await this.link.command.multi().del(this.key(id)).srem(this.idsKey, id).exec();
  }

  async list(): Promise<Installation[]> {
    const ids = (await this.link.command.smembers(this.idsKey)).sort();
    if (ids.length === 0) return [];
    const raws = await this.link.command.mget(ids.map((id) => this.key(id)));
    return raws.flatMap((raw) => (raw === null ? [] : [this.fromRecord(JSON.parse(raw) as StoredRecord)]));
  }

  async close(): Promise<void> {
    // The link is shared and closed by the app.
  }

  private toRecord(inst: Installation): StoredRecord {
    const { accessToken, refreshToken, ...plain } = inst;
    return {
      ...plain,
      accessTokenSealed: this.box.seal(accessToken, `${inst.id}:access`),
      refreshTokenSealed: refreshToken === null ? null : this.box.seal(refreshToken, `${inst.id}:refresh`),
    };
  }

  private fromRecord(r: StoredRecord): Installation {
    const { accessTokenSealed, refreshTokenSealed, ...plain } = r;
    return normalizeInstallation({
      ...plain,
      accessToken: this.box.open(accessTokenSealed, `${r.id}:access`),
      refreshToken: refreshTokenSealed === null ? null : this.box.open(refreshTokenSealed, `${r.id}:refresh`),
    });
  }
}

const KEY_CHECK_PLAIN = 'ghl-graphql-gateway token store key check';

type StoredRecord = Omit<Installation, 'accessToken' | 'refreshToken'> & { accessTokenSealed: string; refreshTokenSealed: string | null };

/**
 * One token refresh at a time per installation across every replica. GHL rotates the refresh
 * token on use, so two replicas refreshing at once would leave one holding a dead token. The lock
 * is a Redis key set only if absent, with an expiry (a replica that dies holding it frees it) and a
 * random value, so only its holder deletes it.
 *
 * Redis away: no refresh (UPSTREAM_UNAVAILABLE): refreshing without the lock could race another
 * replica with the same single-use refresh token and lose the grant.
 */
export class RedisRefreshLock {
  constructor(private readonly link: RedisLink, private readonly opts: { holdMs?: number; waitMs?: number } = {}) {
    link.command.defineCommand('ghlReleaseLock', {
      numberOfKeys: 1,
      lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`,
    });
  }

  async runExclusive<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const key = `${this.link.prefix}lock:refresh:${id}`;
    const token = globalThis.crypto.randomUUID();
    const giveUpAt = Date.now() + (this.opts.waitMs ?? 20_000);
    let held = false;
    while (!held) {
      try {
        held = (await this.link.command.set(key, token, 'PX', this.opts.holdMs ?? 30_000, 'NX')) === 'OK';
      } catch {
        // Without the lock another replica may be refreshing with the same (single-use) refresh
        // token; refreshing anyway could kill the grant. Fail this call; the token may still work later.
        throw new GhlUnavailableError(`Cannot refresh installation ${id} while Redis (the replicas' refresh lock) is unavailable.`, 'POST /oauth/token', null);
      }
      if (held) break;
      if (Date.now() > giveUpAt) throw new TokenStoreError(`Timed out waiting for another replica to refresh installation ${id}.`);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
    try {
      return await fn();
    } finally {
      if (held) {
        await (this.link.command as unknown as { ghlReleaseLock(k: string, v: string): Promise<number> }).ghlReleaseLock(key, token).catch(() => undefined);
      }
    }
  }
}
