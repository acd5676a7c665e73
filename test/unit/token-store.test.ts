import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from '../../src/ghl/secret-box.js';
import { MemoryTokenStore, TokenStoreError, type Installation, type TokenStore } from '../../src/ghl/token-store.js';
import { openSqliteTokenStore, type SqliteTokenStore } from '../../src/ghl/token-store-sqlite.js';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const OTHER_SECRET = 'another-secret-9876543210-zyxwvutsrqponm';

/** Distinctive, random token strings so a search of the raw file cannot match by accident. */
function token(kind: string): string {
  return `${kind}-${randomBytes(24).toString('hex')}`;
}

function locationInstall(overrides: Partial<Installation> = {}): Installation {
  return {
    id: 'loc-1',
    userType: 'Location',
    locationId: 'loc-1',
    companyId: 'comp-1',
    accessToken: token('access'),
    refreshToken: token('refresh'),
    expiresAt: 1_900_000_000_123,
    scopes: ['contacts.readonly', 'contacts.write', 'opportunities.readonly'],
    status: 'connected',
    disconnectedReason: null,
    source: 'oauth',
    updatedAt: 1_800_000_000_456,
    ...overrides,
  };
}

function companyInstall(overrides: Partial<Installation> = {}): Installation {
  return {
    id: 'comp-1',
    userType: 'Company',
    locationId: null,
    companyId: 'comp-1',
    accessToken: token('access'),
    refreshToken: token('refresh'),
    expiresAt: 1_900_000_100_000,
    scopes: ['locations.readonly', 'oauth.write'],
    status: 'connected',
    disconnectedReason: null,
    source: 'oauth',
    updatedAt: 1_800_000_100_000,
    ...overrides,
  };
}

/** A location token minted from an agency token: no refresh token. */
function mintedInstall(overrides: Partial<Installation> = {}): Installation {
  return locationInstall({ id: 'loc-2', locationId: 'loc-2', refreshToken: null, source: 'location-token', scopes: [], ...overrides });
}

function disconnectedInstall(overrides: Partial<Installation> = {}): Installation {
  return locationInstall({ id: 'loc-3', locationId: 'loc-3', status: 'disconnected', disconnectedReason: 'invalid_grant', ...overrides });
}

describe('secret box', () => {
  const box = createSecretBox(SECRET);

  it('seals into a versioned base64url string and opens it again', () => {
    const plain = token('access');
    const sealed = box.seal(plain);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(plain);
    expect(box.open(sealed)).toBe(plain);
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('ünïcødé ✓'))).toBe('ünïcødé ✓');
  });

  it('uses a fresh IV per value', () => {
    const plain = token('access');
    expect(box.seal(plain)).not.toBe(box.seal(plain));
  });

  it('the same secret opens values sealed by another box (a restart)', () => {
    const sealed = box.seal('hello');
    expect(createSecretBox(SECRET).open(sealed)).toBe('hello');
  });

  it('a wrong secret throws a clear error that contains neither the value nor the key', () => {
    const plain = token('access');
    const sealed = box.seal(plain);
    const other = createSecretBox(OTHER_SECRET);
    let error: unknown;
    try {
      other.open(sealed);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SecretBoxError);
    const message = (error as Error).message;
    expect(message).toMatch(/TOKEN_ENCRYPTION_KEY/);
    for (const leak of [plain, sealed, sealed.split('.')[3]!, SECRET, OTHER_SECRET]) expect(message).not.toContain(leak);
    expect((error as Error).cause).toBeUndefined();
  });

  it('rejects a modified value, a value bound to another context, and garbage', () => {
    const sealed = box.seal('secret-value', 'installation:access:loc-1');
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    const tampered = [parts[0], parts[1], parts[2], ct.toString('base64url')].join('.');
    expect(() => box.open(tampered, 'installation:access:loc-1')).toThrow(SecretBoxError);
    expect(() => box.open(sealed, 'installation:access:loc-2')).toThrow(SecretBoxError);
    expect(() => box.open(sealed)).toThrow(SecretBoxError);
    expect(box.open(sealed, 'installation:access:loc-1')).toBe('secret-value');
    expect(() => box.open('plain-token')).toThrow(/v1 format/);
    expect(() => box.open('v2.a.b.c')).toThrow(SecretBoxError);
  });

  it('refuses a secret shorter than 32 characters without echoing it', () => {
    expect(() => createSecretBox('short-secret')).toThrow(SecretBoxError);
    expect(() => createSecretBox('short-secret')).toThrow(/at least 32 characters/);
    try {
      createSecretBox('short-secret');
    } catch (err) {
      expect((err as Error).message).not.toContain('short-secret');
    }
  });
});

/** Behaviour both stores share. */
function contract(name: string, open: () => TokenStore | Promise<TokenStore>): void {
  describe(`${name}: TokenStore contract`, () => {
    let store: TokenStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('round-trips every field of every kind of installation', async () => {
      const all = [locationInstall(), companyInstall(), mintedInstall(), disconnectedInstall({ expiresAt: 1_700_000_000_000.5 })];
      for (const inst of all) await store.put(inst);
      for (const inst of all) expect(await store.get(inst.id)).toStrictEqual(inst);
    });

    it('returns undefined for an unknown id', async () => {
      expect(await store.get('nope')).toBeUndefined();
    });

    it('put replaces an installation with the same id', async () => {
      const first = locationInstall();
      await store.put(first);
      const rotated = locationInstall({ accessToken: token('access'), refreshToken: token('refresh'), expiresAt: first.expiresAt + 1 });
      await store.put(rotated);
      expect(await store.get(first.id)).toStrictEqual(rotated);
      expect(await store.list()).toHaveLength(1);
    });

    it('lists every installation by id, and delete removes one', async () => {
      expect(await store.list()).toStrictEqual([]);
      const [a, b, c] = [locationInstall(), companyInstall(), mintedInstall()];
      await store.put(a);
      await store.put(b);
      await store.put(c);
      expect(await store.list()).toStrictEqual([b, a, c]); // comp-1, loc-1, loc-2
      await store.delete(a.id);
      await store.delete('never-existed');
      expect(await store.get(a.id)).toBeUndefined();
      expect(await store.list()).toStrictEqual([b, c]);
    });

    it('returns copies: mutating what was put or got does not change the store', async () => {
      const inst = locationInstall();
      const expected = structuredClone(inst);
      await store.put(inst);
      inst.accessToken = 'mutated';
      inst.scopes.push('mutated');
      expect(await store.get(inst.id)).toStrictEqual(expected);

      const got = (await store.get(inst.id))!;
      got.status = 'disconnected';
      got.scopes.length = 0;
      const listed = (await store.list())[0]!;
      listed.scopes.push('x');
      expect(await store.get(inst.id)).toStrictEqual(expected);
      expect(got).not.toBe(await store.get(inst.id));
    });

    it('rejects an invalid installation without naming its token', async () => {
      const bad = { ...locationInstall(), status: 'paused' } as unknown as Installation;
      await expect(store.put(bad)).rejects.toThrow(TokenStoreError);
      await expect(store.put({ ...locationInstall(), id: '' })).rejects.toThrow(/id/);
      const noScopes = { ...locationInstall(), scopes: 'a b' } as unknown as Installation;
      const error = await store.put(noScopes).catch((err: unknown) => err);
      expect((error as Error).message).toMatch(/scopes/);
      expect((error as Error).message).not.toContain(noScopes.accessToken);
      expect(await store.list()).toStrictEqual([]);
    });

    it('redacts the installation\'s own tokens from disconnectedReason', async () => {
      const inst = disconnectedInstall();
      inst.disconnectedReason = `invalid_grant: refresh token ${inst.refreshToken} revoked`;
      await store.put(inst);
      expect((await store.get(inst.id))!.disconnectedReason).toBe('invalid_grant: refresh token [redacted] revoked');
    });

    it('rejects calls after close', async () => {
      await store.close();
      await expect(store.get('loc-1')).rejects.toThrow(/closed/);
      await expect(store.put(locationInstall())).rejects.toThrow(/closed/);
      await store.close(); // idempotent
    });
  });
}

contract('MemoryTokenStore', () => new MemoryTokenStore());

describe('SqliteTokenStore', () => {
  let dir: string;
  let path: string;
  const opened: SqliteTokenStore[] = [];
  const open = (secret = SECRET): SqliteTokenStore => {
    const store = openSqliteTokenStore({ path, secret });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-store-'));
    // A directory that does not exist yet: the store must create it.
    path = join(dir, 'nested', 'data', 'tokens.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  contract('SqliteTokenStore', () => open());

  it('creates the directory and an owner-only file in WAL mode', async () => {
    const store = open();
    await store.put(locationInstall());
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('keeps installations across close and reopen (a restart)', async () => {
    const all = [locationInstall(), companyInstall(), mintedInstall(), disconnectedInstall()];
    const first = open();
    for (const inst of all) await first.put(inst);
    await first.delete('loc-2');
    await first.close();

    const second = open();
    expect(await second.list()).toStrictEqual([all[1], all[0], all[3]]);
    for (const inst of [all[0]!, all[1]!, all[3]!]) expect(await second.get(inst.id)).toStrictEqual(inst);
    expect(await second.get('loc-2')).toBeUndefined();
  });

  it('a put is visible to another connection as soon as it resolves (no close needed)', async () => {
    const store = open();
    const inst = locationInstall();
    await store.put(inst);
    // A second store on the same file, as a restarted process would see it while the first still runs.
    const reader = open();
    expect(await reader.get(inst.id)).toStrictEqual(inst);
  });

  it('a wrong secret fails clearly when the store is opened, without leaking anything', async () => {
    const inst = locationInstall();
    const store = open();
    await store.put(inst);
    await store.close();

    let error: unknown;
    try {
      open(OTHER_SECRET);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TokenStoreError);
    const message = (error as Error).message;
    expect(message).toMatch(/different secret/);
    expect(message).toMatch(/TOKEN_ENCRYPTION_KEY/);
    for (const leak of [inst.accessToken, inst.refreshToken!, SECRET, OTHER_SECRET]) expect(message).not.toContain(leak);

    // The failed open wrote nothing: the right secret still reads everything.
    expect(await open().get(inst.id)).toStrictEqual(inst);
  });

  it('a token that does not open (sealed under another key, or moved to another row) fails clearly on read', async () => {
    const a = locationInstall();
    const b = mintedInstall();
    const store = open();
    await store.put(a);
    await store.put(b);

    const raw = new Database(path);
    try {
      // Row b gets row a's sealed access token: valid ciphertext, but bound to installation a.
      raw.prepare(`UPDATE installations SET access_token_sealed = (SELECT access_token_sealed FROM installations WHERE id = ?) WHERE id = ?`).run(a.id, b.id);
      // Row a gets a refresh token sealed under another key.
      raw.prepare('UPDATE installations SET refresh_token_sealed = ? WHERE id = ?').run(createSecretBox(OTHER_SECRET).seal(token('refresh'), `installation:refresh:${a.id}`), a.id);
    } finally {
      raw.close();
    }

    const errorB = await store.get(b.id).catch((err: unknown) => err);
    expect(errorB).toBeInstanceOf(TokenStoreError);
    expect((errorB as Error).message).toMatch(/Cannot read the access token of installation loc-2: .*TOKEN_ENCRYPTION_KEY/);
    const errorA = await store.get(a.id).catch((err: unknown) => err);
    expect(errorA).toBeInstanceOf(TokenStoreError);
    expect((errorA as Error).message).toMatch(/Cannot read the refresh token of installation loc-1/);
    for (const leak of [a.accessToken, a.refreshToken!, b.accessToken, SECRET]) {
      expect((errorA as Error).message).not.toContain(leak);
      expect((errorB as Error).message).not.toContain(leak);
    }
    await expect(store.list()).rejects.toThrow(TokenStoreError);
  });

  it('the raw files (database, -wal, -shm) never contain a token in plain text', async () => {
    const all = [locationInstall(), companyInstall(), mintedInstall(), disconnectedInstall()];
    const tokens = all.flatMap((i) => [i.accessToken, i.refreshToken]).filter((t): t is string => t !== null);
    // Old tokens replaced by a refresh must not linger in free pages or old WAL frames either.
    const replaced = locationInstall({ accessToken: token('access'), refreshToken: token('refresh') });
    tokens.push(replaced.accessToken, replaced.refreshToken!);

    const store = open();
    await store.put(replaced);
    for (const inst of all) await store.put(inst);

    const files = () => [path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((f) => ({ f, bytes: readFileSync(f) }));
    const assertClean = (): number => {
      let total = 0;
      for (const { f, bytes } of files()) {
        total += bytes.length;
        for (const t of tokens) {
          expect(bytes.includes(Buffer.from(t, 'utf8')), `${t.slice(0, 8)}… in ${f}`).toBe(false);
          expect(bytes.includes(Buffer.from(t, 'utf16le')), `${t.slice(0, 8)}… (utf16) in ${f}`).toBe(false);
          // The random part alone, in case a prefix was stored separately.
          expect(bytes.includes(Buffer.from(t.split('-')[1]!, 'utf8')), `${t.slice(0, 8)}… (body) in ${f}`).toBe(false);
        }
      }
      return total;
    };

    // While open, the data is in the WAL: check that the search is looking at real data.
    const walBytes = readFileSync(`${path}-wal`);
    expect(walBytes.includes(Buffer.from('loc-1'))).toBe(true);
    expect(walBytes.includes(Buffer.from('v1.'))).toBe(true);
    expect(assertClean()).toBeGreaterThan(0);

    // After close, SQLite checkpoints the WAL into the main file.
    await store.close();
    const main = readFileSync(path);
    expect(main.includes(Buffer.from('contacts.readonly'))).toBe(true);
    expect(main.includes(Buffer.from('v1.'))).toBe(true);
    assertClean();
  });
});
