import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createSecretBox, SecretBoxError, type SecretBox } from './secret-box.js';
import { normalizeInstallation, TokenStoreError, type Installation, type TokenStore } from './token-store.js';

/**
 * A {@link TokenStore} in a local SQLite file, so installations survive restarts.
 *
 * Why SQLite through better-sqlite3: one file, no server, and synchronous calls. A `put` has
 * finished writing (and, with `synchronous = FULL`, syncing) before its promise resolves, which
 * is what the rotating refresh token needs: GHL invalidates the old one as soon as it issues a
 * new one, so a refresh that was not durably stored is a lost installation. WAL mode keeps reads
 * from blocking on a write and makes each commit a single append.
 *
 * What is encrypted: only the access and refresh tokens, each sealed with the secret box
 * (AES-256-GCM) and bound to its installation id and column, so a sealed value copied into
 * another row does not open. The tokens are the only fields that grant access to GHL. Ids,
 * scopes, expiry and status stay in plain columns because they are not secrets (location and
 * company ids appear in every GHL URL and webhook) and because keeping them readable lets the
 * primary key work and lets an operator inspect the file (`sqlite3 tokens.db 'select id, status
 * from installations'`) without the key.
 *
 * The file never holds a token in plain text: tokens are sealed before they reach SQLite, so
 * neither the main file, the WAL, nor freed pages can contain one.
 *
 * A wrong secret is caught when the store opens: the first open seals a known value into the
 * `meta` table, and every later open must be able to open it. This fails a misconfigured
 * deployment at start, and stops it from writing rows under a second key into a file whose
 * existing rows it cannot read.
 */
export class SqliteTokenStore implements TokenStore {
  private readonly db: Database.Database;
  private readonly box: SecretBox;
  private readonly stmts: {
    get: Database.Statement<[string], InstallationRow>;
    put: Database.Statement<[InstallationRow]>;
    delete: Database.Statement<[string]>;
    list: Database.Statement<[], InstallationRow>;
  };
  private closed = false;

  /** Prefer {@link openSqliteTokenStore}. Opens (creating if missing) the file and checks the secret. */
  constructor(options: SqliteTokenStoreOptions) {
    this.box = createSecretBox(options.secret);
    const inMemory = options.path === ':memory:';
    if (!inMemory) prepareFile(options.path);
    this.db = new Database(options.path, { timeout: 5_000 });
    try {
      this.db.pragma('journal_mode = WAL');
      // FULL: in WAL mode, NORMAL may lose the last commits on power loss; `put` promises durability.
      this.db.pragma('synchronous = FULL');
      this.migrate();
      this.checkKey(options.path);
      this.stmts = {
        get: this.db.prepare<[string], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE id = ?`),
        put: this.db.prepare<[InstallationRow]>(
          `INSERT OR REPLACE INTO installations (${COLUMNS}) VALUES (${COLUMN_NAMES.map((c) => '@' + c).join(', ')})`,
        ),
        delete: this.db.prepare<[string]>('DELETE FROM installations WHERE id = ?'),
        list: this.db.prepare<[], InstallationRow>(`SELECT ${COLUMNS} FROM installations ORDER BY id`),
      };
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  async get(id: string): Promise<Installation | undefined> {
    this.assertOpen();
    const row = this.stmts.get.get(id);
    return row ? this.fromRow(row) : undefined;
  }

  async put(installation: Installation): Promise<void> {
    this.assertOpen();
    this.stmts.put.run(this.toRow(normalizeInstallation(installation)));
  }

  async delete(id: string): Promise<void> {
    this.assertOpen();
    this.stmts.delete.run(id);
  }

  async list(): Promise<Installation[]> {
    this.assertOpen();
    return this.stmts.list.all().map((row) => this.fromRow(row));
  }

  /** Closes the file (SQLite checkpoints the WAL into it). Calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new TokenStoreError('The token store is closed.');
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new TokenStoreError(`The token store file has schema version ${version}; this build knows up to ${SCHEMA_VERSION}.`);
    }
    // STRICT tables reject a value of the wrong type instead of silently storing it. Times are
    // REAL: a JS number is a double, so any clock's value (even fractional) comes back unchanged.
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS installations (
        id                   TEXT PRIMARY KEY NOT NULL,
        user_type            TEXT NOT NULL CHECK (user_type IN ('Location', 'Company')),
        location_id          TEXT,
        company_id           TEXT,
        access_token_sealed  TEXT NOT NULL,
        refresh_token_sealed TEXT,
        expires_at           REAL NOT NULL,
        scopes               TEXT NOT NULL,
        status               TEXT NOT NULL CHECK (status IN ('connected', 'disconnected')),
        disconnected_reason  TEXT,
        source               TEXT NOT NULL CHECK (source IN ('oauth', 'location-token')),
        updated_at           REAL NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  private checkKey(path: string): void {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK);
    if (!row) {
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, this.box.seal(KEY_CHECK_PLAIN, KEY_CHECK));
      return;
    }
    let opened: string | undefined;
    try {
      opened = this.box.open(row.value, KEY_CHECK);
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
    }
    if (opened !== KEY_CHECK_PLAIN) {
      throw new TokenStoreError(
        `The token store ${path} was encrypted with a different secret: check TOKEN_ENCRYPTION_KEY. ` +
          'Its tokens cannot be read with this one (restore the old secret, or delete the file and re-install the app).',
      );
    }
  }

  private toRow(inst: Installation): InstallationRow {
    return {
      id: inst.id,
      user_type: inst.userType,
      location_id: inst.locationId,
      company_id: inst.companyId,
      access_token_sealed: this.box.seal(inst.accessToken, context(inst.id, 'access')),
      refresh_token_sealed: inst.refreshToken === null ? null : this.box.seal(inst.refreshToken, context(inst.id, 'refresh')),
      expires_at: inst.expiresAt,
      scopes: JSON.stringify(inst.scopes),
      status: inst.status,
      disconnected_reason: inst.disconnectedReason,
      source: inst.source,
      updated_at: inst.updatedAt,
    };
  }

  private fromRow(row: InstallationRow): Installation {
    const open = (sealed: string, which: 'access' | 'refresh'): string => {
      try {
        return this.box.open(sealed, context(row.id, which));
      } catch (err) {
        // The id is not a secret; naming it says which installation needs attention.
        const why = err instanceof SecretBoxError ? err.message : 'unexpected error';
        throw new TokenStoreError(`Cannot read the ${which} token of installation ${row.id}: ${why}`);
      }
    };
    let scopes: unknown;
    try {
      scopes = JSON.parse(row.scopes);
    } catch {
      scopes = undefined;
    }
    if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) {
      throw new TokenStoreError(`Installation ${row.id} has unreadable scopes.`);
    }
    return {
      id: row.id,
      userType: row.user_type,
      locationId: row.location_id,
      companyId: row.company_id,
      accessToken: open(row.access_token_sealed, 'access'),
      refreshToken: row.refresh_token_sealed === null ? null : open(row.refresh_token_sealed, 'refresh'),
      expiresAt: row.expires_at,
      scopes,
      status: row.status,
      disconnectedReason: row.disconnected_reason,
      source: row.source,
      updatedAt: row.updated_at,
    };
  }
}

export interface SqliteTokenStoreOptions {
  /** The database file; its directory is created if missing. `:memory:` for a throwaway store. */
  path: string;
  /** The configuration secret the tokens are sealed with (`TOKEN_ENCRYPTION_KEY`, ≥ 32 characters). */
  secret: string;
}

/**
 * Opens the store at `path`, creating the directory, file and tables as needed. Throws a
 * {@link TokenStoreError} when the file was written with another secret.
 */
export function openSqliteTokenStore(options: SqliteTokenStoreOptions): SqliteTokenStore {
  return new SqliteTokenStore(options);
}

const SCHEMA_VERSION = 1;
const KEY_CHECK = 'key-check';
const KEY_CHECK_PLAIN = 'ghl-graphql-gateway token store';

interface InstallationRow {
  id: string;
  user_type: Installation['userType'];
  location_id: string | null;
  company_id: string | null;
  access_token_sealed: string;
  refresh_token_sealed: string | null;
  expires_at: number;
  scopes: string;
  status: Installation['status'];
  disconnected_reason: string | null;
  source: Installation['source'];
  updated_at: number;
}

const COLUMN_NAMES = [
  'id',
  'user_type',
  'location_id',
  'company_id',
  'access_token_sealed',
  'refresh_token_sealed',
  'expires_at',
  'scopes',
  'status',
  'disconnected_reason',
  'source',
  'updated_at',
] as const satisfies readonly (keyof InstallationRow)[];
const COLUMNS = COLUMN_NAMES.join(', ');

/** The authenticated context of a sealed token: which installation and which column it belongs to. */
function context(id: string, which: 'access' | 'refresh'): string {
  return `installation:${which}:${id}`;
}

/**
 * Creates the directory (owner-only when new) and the file with mode 0600 if missing. SQLite
 * gives the -wal and -shm files the database file's permissions. Tokens are encrypted anyway;
 * this keeps the rest (which locations installed the app) private to the gateway's user too.
 */
function prepareFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
