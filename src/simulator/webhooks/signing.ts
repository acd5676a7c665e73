import { generateKeyPair, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { WebhookPublicKeys } from './types.js';

/**
 * The simulator's own signing keys. Nobody outside GHL can make a real GHL signature, so the
 * simulator signs with key pairs it generates at start and publishes only the public halves:
 * - `x-wh-signature`: base64 RSA-SHA256 (PKCS#1 v1.5), GHL's documented scheme
 *   (docs/oauth/WebhookAuthentication.md). GHL's key is 4096-bit; the simulator's is 2048-bit,
 *   the same scheme at a start-up cost of ~0.1 s instead of ~2 s.
 * - `x-ghl-signature`: base64 Ed25519, the official SDK's scheme (its WEBHOOK_SIGNATURE_PUBLIC_KEY).
 * Private keys never leave this module's objects: they are not logged, exposed or serialized.
 */

export const RSA_MODULUS_BITS = 2048;

export interface WebhookKeys {
  readonly publicKeys: WebhookPublicKeys;
  /** Both signature headers over exactly these bytes. */
  sign(bytes: Buffer): { 'x-wh-signature': string; 'x-ghl-signature': string };
}

function keysOf(rsa: { publicKey: KeyObject; privateKey: KeyObject }, ed: { publicKey: KeyObject; privateKey: KeyObject }): WebhookKeys {
  const publicKeys = Object.freeze({
    rsa: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ed25519: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
  const rsaPrivate = rsa.privateKey;
  const edPrivate = ed.privateKey;
  return {
    publicKeys,
    sign: (bytes) => ({
      'x-wh-signature': sign('sha256', bytes, rsaPrivate).toString('base64'),
      'x-ghl-signature': sign(null, bytes, edPrivate).toString('base64'),
    }),
  };
}

/** Generates both key pairs; the RSA one off the main thread, so it overlaps the rest of start-up. */
export async function generateWebhookKeys(): Promise<WebhookKeys> {
  const rsa = await new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: RSA_MODULUS_BITS, publicExponent: 0x10001 }, (err, publicKey, privateKey) => (err ? reject(err) : resolve({ publicKey, privateKey })));
  });
  return keysOf(rsa, generateKeyPairSync('ed25519'));
}
