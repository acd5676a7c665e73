import { createSign, generateKeyPairSync, randomUUID, sign as signEd25519 } from 'node:crypto';

/** A test stand-in for GHL's webhook signing keys (nobody outside GHL has GHL's private key). */
export function webhookKeys() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ed = generateKeyPairSync('ed25519');
  return {
    rsaPublicPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ed25519PublicPem: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    /** Signs the exact bytes with RSA-SHA256, as `x-wh-signature`. */
    signRsa(body: string): string {
      return createSign('SHA256').update(body).sign(rsa.privateKey, 'base64');
    },
    /** Signs the exact bytes with Ed25519, as `x-ghl-signature`. */
    signEd25519(body: string): string {
      return signEd25519(null, Buffer.from(body), ed.privateKey).toString('base64');
    },
  };
}

/** A webhook body as GHL sends it, with the replay-guard fields of docs/oauth/WebhookAuthentication.md. */
export function webhookBody(event: Record<string, unknown>, at = new Date()): string {
  return JSON.stringify({ ...event, timestamp: at.toISOString(), webhookId: randomUUID() });
}
