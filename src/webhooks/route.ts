import { payloadTooLarge, readBodyWithin } from '../server/body-limit.js';
import type { ReplayGuard } from './replay-guard.js';
import type { VerifyResult } from './verify.js';

/** Thrown by a handler for an event that lacks what its type needs (an id, a location): a 400, not a 500. */
export class MalformedWebhookEvent extends Error {
  override name = 'MalformedWebhookEvent';
}

/** Something that acts on one kind of verified GHL event. Returns a short outcome for the response. */
export type WebhookHandler = (event: Record<string, unknown>) => Promise<string>;

export interface WebhookRouteDeps {
  verify: (rawBody: Buffer, headers: { get(name: string): string | null }) => VerifyResult;
  /** Refuses replays: in-process (replay-guard.ts) or shared by the replicas (src/redis/replay-guard.ts). */
  replayGuard: { admit(webhookId: unknown, timestamp: unknown): string | null | Promise<string | null> };
  /** Handlers by GHL event `type` (e.g. `INSTALL`, `ContactUpdate`). Unknown types are acknowledged and ignored. */
  handlers: Record<string, WebhookHandler>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Largest body read; a larger one is refused with 413 while it arrives, before verification. */
  maxBodyBytes: number;
}

/**
 * `POST /webhooks/ghl`. Order matters: a body over the size limit is 413 (read no further); the
 * signature is checked over the raw bytes before anything is parsed or trusted; a bad or missing
 * signature is 401, a malformed body or event 400, a replay 409, and only then does the event
 * reach a handler. Nothing is published on any refusal.
 */
export async function handleWebhook(request: Request, deps: WebhookRouteDeps): Promise<Response> {
  const bytes = await readBodyWithin(request, deps.maxBodyBytes);
  if (!bytes) return payloadTooLarge(deps.maxBodyBytes);
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const verdict = deps.verify(raw, request.headers);
  if (!verdict.ok) {
    deps.log?.('webhook refused', { reason: verdict.reason });
    return json(401, { error: 'invalid signature' });
  }
  let event: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string') {
      return json(400, { error: 'expected a JSON object with a string "type"' });
    }
    event = parsed as Record<string, unknown>;
  } catch {
    return json(400, { error: 'body is not JSON' });
  }
  const refusal = await deps.replayGuard.admit(event['webhookId'], event['timestamp']);
  if (refusal) {
    deps.log?.('webhook refused', { reason: refusal, type: event['type'] });
    return json(409, { error: refusal });
  }
  // Own properties only: a `type` such as "valueOf" or "constructor" must not find Object's methods.
  const type = event['type'];
  const handler = typeof type === 'string' && Object.hasOwn(deps.handlers, type) ? deps.handlers[type] : undefined;
  if (!handler) return json(200, { ok: true, outcome: 'ignored' });
  try {
    return json(200, { ok: true, outcome: await handler(event) });
  } catch (err) {
    if (err instanceof MalformedWebhookEvent) return json(400, { error: err.message });
    deps.log?.('webhook handler failed', { type: event['type'], error: err instanceof Error ? err.name : 'unknown' });
    // A 5xx would make no difference: GHL retries only on 429. Polling reconciles what is lost.
    return json(500, { error: 'handler failed' });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
