import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * Encryption at rest for OAuth token strings.
 *
 * Why AES-256-GCM: it is authenticated encryption. A wrong key or a modified value fails the
 * tag check and throws, instead of decrypting to garbage that would then be sent to GHL as a
 * bearer token. It is in node:crypto (no native dependency beyond Node itself) and is fast
 * enough to run on every read.
 *
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The version prefix lets a later
 * format (another KDF, key rotation with a key id) coexist with values already on disk. A fresh
 * random 12-byte IV per value means sealing the same token twice gives different strings, and
 * GCM's security depends on never reusing an IV under one key.
 */

/** The smallest configuration secret accepted, in characters (matches `TOKEN_ENCRYPTION_KEY`). */
export const MIN_SECRET_LENGTH = 32;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/**
 * Fixed, public salt: the key must be re-derivable from the secret alone after a restart, and a
 * per-deployment salt would have to be stored next to the data it protects anyway. It only
 * separates this use of the secret from any other use of the same string.
 */
const KDF_SALT = 'ghl-graphql-gateway/token-store/secret-box/v1';
/**
 * scrypt rather than a bare hash or HKDF: the secret comes from configuration and might be a
 * memorable passphrase rather than 32 random bytes; scrypt makes guessing it expensive. It runs
 * once per box (at start), so the ~50 ms cost is paid once. N=2^14, r=8 stays under Node's
 * default 32 MiB `maxmem`.
 */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

/** A sealed value could not be opened. The message never contains the value or the key. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

export interface SecretBox {
  /**
   * Encrypts `plain`. `context` (optional) is authenticated but not stored: the same context must
   * be given to `open`. Binding a value to where it lives (e.g. an installation id) stops a
   * sealed token from being copied to another row and used there.
   */
  seal(plain: string, context?: string): string;
  /** Decrypts a value from `seal`; throws {@link SecretBoxError} on a wrong key, context or a modified value. */
  open(sealed: string, context?: string): string;
}

/**
 * Builds a box from a configuration secret (e.g. `TOKEN_ENCRYPTION_KEY`, at least
 * {@link MIN_SECRET_LENGTH} characters). The secret is only used to derive the key and is not kept.
 */
export function createSecretBox(secret: string): SecretBox {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new SecretBoxError(`The token encryption secret must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
  const key = scryptSync(secret.normalize('NFC'), KDF_SALT, KEY_BYTES, SCRYPT);

  return {
    seal(plain: string, context?: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },

    open(sealed: string, context?: string): string {
      const parts = typeof sealed === 'string' ? sealed.split('.') : [];
      if (parts.length !== 4 || parts[0] !== VERSION) {
        throw new SecretBoxError(`Not a sealed value in the ${VERSION} format.`);
      }
      const iv = Buffer.from(parts[1]!, 'base64url');
      const tag = Buffer.from(parts[2]!, 'base64url');
      const ciphertext = Buffer.from(parts[3]!, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new SecretBoxError(`Not a sealed value in the ${VERSION} format.`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        // Node's own message ("Unsupported state or unable to authenticate data") says nothing
        // useful; replace it, and drop the cause so nothing derived from the input is carried along.
        throw new SecretBoxError(
          'Cannot decrypt a sealed token: the encryption secret (TOKEN_ENCRYPTION_KEY) is not the one it was sealed with, or the stored value was modified.',
        );
      }
    },
  };
}
