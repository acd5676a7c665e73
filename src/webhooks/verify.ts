import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';

/**
 * Verifies a GHL webhook over the raw request bytes, never over re-serialized JSON (which can
 * differ byte for byte from what GHL signed). Fails closed: no usable signature means invalid.
 * - `x-ghl-signature`: Ed25519, base64 (the SDK's preferred header); checked first when present.
 * - `x-wh-signature`: RSA-SHA256, base64 (docs/oauth/WebhookAuthentication.md).
 */
export interface WebhookKeys {
  rsaPublicKeyPem: string | null;
  ed25519PublicKeyPem: string | null;
}

export type VerifyResult = { ok: true; scheme: 'ed25519' | 'rsa-sha256' } | { ok: false; reason: string };

export function createWebhookVerifier(keys: WebhookKeys) {
  const rsa = keys.rsaPublicKeyPem ? createPublicKey(keys.rsaPublicKeyPem) : null;
  const ed = keys.ed25519PublicKeyPem ? createPublicKey(keys.ed25519PublicKeyPem) : null;

  return function verifyWebhook(rawBody: Buffer, headers: { get(name: string): string | null }): VerifyResult {
    const edSig = headers.get('x-ghl-signature');
    if (edSig) {
      if (!ed) return { ok: false, reason: 'x-ghl-signature present but no Ed25519 key is configured' };
      return check(null, ed, rawBody, edSig) ? { ok: true, scheme: 'ed25519' } : { ok: false, reason: 'bad x-ghl-signature' };
    }
    const rsaSig = headers.get('x-wh-signature');
    if (rsaSig) {
      if (!rsa) return { ok: false, reason: 'x-wh-signature present but no RSA key is configured' };
      return check('sha256', rsa, rawBody, rsaSig) ? { ok: true, scheme: 'rsa-sha256' } : { ok: false, reason: 'bad x-wh-signature' };
    }
    return { ok: false, reason: 'no signature header' };
  };
}

function check(algorithm: string | null, key: KeyObject, body: Buffer, signatureB64: string): boolean {
  try {
    return verifySignature(algorithm, body, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
