import type { GraphQLContext } from '../../context.js';
import type { WatchedResource } from '../../subscriptions/resources.js';

/**
 * Live by default: a write made through the gateway is published to the matching subscribers as
 * soon as GHL confirms it, not at the next poll. It goes into the same shared snapshot a webhook
 * feeds (`PollerRegistry.ingest`), so when GHL's webhook or the next poll reports the same change
 * it is already known and not published again. With replicas, `ingest` relays it to the one that
 * holds the topic's lease, which publishes it to the subscribers of every replica.
 */

/** Watched resources a record of each kind belongs to (the names sources.ts and webhooks/changes.ts use). */
export const WRITTEN_RECORD_STREAMS = {
  contact: ['contact'],
  contactTask: ['contactTask'],
  contactNote: ['contactNote'],
  appointment: ['contactAppointment', 'calendarEvent'],
  opportunity: ['opportunity'],
} as const satisfies Record<string, readonly WatchedResource[]>;

export type WrittenRecordKind = keyof typeof WRITTEN_RECORD_STREAMS;

/** Publishes the record a write answered with (UPSERT), or the deletion of `record.id` (DELETE). */
export function publishWrite(ctx: GraphQLContext, recordKind: WrittenRecordKind, kind: 'UPSERT' | 'DELETE', record: object | null | undefined): void {
  const fields = (record ?? {}) as Record<string, unknown>;
  const id = typeof fields['id'] === 'string' ? fields['id'] : '';
  if (!id) return;
  const occurredAt = new Date(ctx.pollers.clock.now()).toISOString();
  for (const resource of WRITTEN_RECORD_STREAMS[recordKind]) ctx.pollers.ingest(ctx.credential.tenantKey, resource, kind, id, fields, occurredAt, 'MUTATION');
}
