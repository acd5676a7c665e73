import type { Clock } from '../lib/clock.js';
import type { CachedFetcher } from '../loaders/cache.js';
import { invalidate } from '../loaders/invalidate.js';
import type { CacheResource, StaleEntries } from '../loaders/resources.js';
import type { PollerRegistry } from '../subscriptions/poller.js';
import type { WatchedResource } from '../subscriptions/resources.js';
import { MalformedWebhookEvent, type WebhookHandler } from './route.js';

/**
 * GHL's change events (docs/webhook-events) mapped onto the resources the pollers watch, plus the
 * cache entries each one makes stale. Events reach only tenants the gateway holds credentials for
 * (`loc:<locationId>`): data pushed by GHL is never handed to a pass-through token, whose scopes
 * the gateway does not know.
 */

type Event = Record<string, unknown>;

interface ChangeRoute {
  /** Watched resources the record belongs to; none for events that only make caches stale. */
  resources: WatchedResource[];
  kind: 'UPSERT' | 'DELETE';
  /** The record as the event carries it (nested for appointments). */
  record(event: Event): Event;
  /** Extra fields the event implies (TaskComplete → completed). */
  implied?: Event;
  /** Cache entries made stale: loader resource → ids, and list resources. */
  stale(record: Event): StaleEntries;
}

/** Envelope fields of a delivery, not of the record. */
const ENVELOPE = new Set(['type', 'webhookId', 'timestamp', 'appId', 'versionId']);
const flat = (event: Event): Event => Object.fromEntries(Object.entries(event).filter(([k]) => !ENVELOPE.has(k)));
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const contact = (kind: ChangeRoute['kind']): ChangeRoute => ({
  resources: ['contact'],
  kind,
  record: flat,
  stale: (r) => ({
    records: { contact: [str(r['id'])], ...(kind === 'DELETE' ? { contactTasks: [str(r['id'])], contactNotes: [str(r['id'])], contactAppointments: [str(r['id'])] } : {}) },
    lists: ['contactSearch'],
  }),
});

const child = (resource: WatchedResource, loader: CacheResource, kind: ChangeRoute['kind'], implied?: Event): ChangeRoute => ({
  resources: [resource],
  kind,
  record: flat,
  ...(implied ? { implied } : {}),
  stale: (r) => ({ records: { [loader]: [str(r['contactId'])] } }),
});

const appointment = (kind: ChangeRoute['kind']): ChangeRoute => ({
  resources: ['contactAppointment', 'calendarEvent'],
  kind,
  // Appointment events nest the record (and two docs mislabel their `type`): the handler's key decides.
  record: (e) => ({ ...((e['appointment'] as Event | undefined) ?? {}) }),
  stale: (r) => ({ records: { contactAppointments: [str(r['contactId'])], appointment: [str(r['id'])] }, lists: ['calendarEvents'] }),
});

const opportunity = (kind: ChangeRoute['kind']): ChangeRoute => ({
  resources: ['opportunity'],
  kind,
  record: flat,
  stale: (r) => ({ records: { opportunity: [str(r['id'])] }, lists: ['opportunitySearch', 'opportunitiesByContact'] }),
});

const message: ChangeRoute = {
  resources: ['conversationMessage'],
  kind: 'UPSERT',
  // Message events name the message `messageId`; the API record calls it `id`.
  record: (e) => {
    const { messageId, ...rest } = flat(e);
    return { ...rest, id: messageId ?? rest['id'] };
  },
  stale: (r) => ({ records: { conversation: [str(r['conversationId'])] }, lists: ['conversationSearch', 'conversationMessages'] }),
};

/** Events with no stream of their own, that still make cached reads stale. */
const staleOnly = (stale: (r: Event) => StaleEntries): ChangeRoute => ({
  resources: [],
  kind: 'UPSERT',
  record: flat,
  stale,
});

export const CHANGE_ROUTES: Record<string, ChangeRoute> = {
  ContactCreate: contact('UPSERT'),
  ContactUpdate: contact('UPSERT'),
  ContactTagUpdate: contact('UPSERT'),
  ContactDndUpdate: contact('UPSERT'),
  ContactDelete: contact('DELETE'),
  TaskCreate: child('contactTask', 'contactTasks', 'UPSERT'),
  TaskComplete: child('contactTask', 'contactTasks', 'UPSERT', { completed: true }),
  TaskDelete: child('contactTask', 'contactTasks', 'DELETE'),
  NoteCreate: child('contactNote', 'contactNotes', 'UPSERT'),
  NoteUpdate: child('contactNote', 'contactNotes', 'UPSERT'),
  NoteDelete: child('contactNote', 'contactNotes', 'DELETE'),
  AppointmentCreate: appointment('UPSERT'),
  AppointmentUpdate: appointment('UPSERT'),
  AppointmentDelete: appointment('DELETE'),
  OpportunityCreate: opportunity('UPSERT'),
  OpportunityUpdate: opportunity('UPSERT'),
  OpportunityStatusUpdate: opportunity('UPSERT'),
  OpportunityStageUpdate: opportunity('UPSERT'),
  OpportunityMonetaryValueUpdate: opportunity('UPSERT'),
  OpportunityAssignedToUpdate: opportunity('UPSERT'),
  OpportunityDelete: opportunity('DELETE'),
  InboundMessage: message,
  OutboundMessage: message,
  UserCreate: { resources: ['user'], kind: 'UPSERT', record: flat, stale: (r) => ({ records: { user: [str(r['id'])] }, lists: ['userSearch', 'locationUsers'] }) },
  ConversationUnreadUpdate: staleOnly((r) => ({ records: { conversation: [str(r['id'])] }, lists: ['conversationSearch'] })),
  AssociationCreate: staleOnly(() => ({ lists: ['associationPage', 'associationsByObjectKey', 'associationByKey'] })),
  AssociationUpdate: staleOnly((r) => ({ records: { association: [str(r['id'])] }, lists: ['associationPage', 'associationsByObjectKey', 'associationByKey'] })),
  AssociationDelete: staleOnly((r) => ({ records: { association: [str(r['id'])] }, lists: ['associationPage', 'associationsByObjectKey', 'associationByKey'] })),
  RelationCreate: staleOnly(() => ({ lists: ['recordRelations'] })),
  RelationDelete: staleOnly(() => ({ lists: ['recordRelations'] })),
  LocationCreate: staleOnly(() => ({ lists: ['locationSearch'] })),
  LocationUpdate: staleOnly((r) => ({ records: { location: [str(r['id'])] }, lists: ['locationSearch'] })),
  CampaignStatusUpdate: staleOnly(() => ({ lists: ['campaignList'] })),
};

export function webhookChangeHandlers(deps: { pollers: Pick<PollerRegistry, 'ingest'>; fetcher: CachedFetcher; clock: Clock }): Record<string, WebhookHandler> {
  const handlers: Record<string, WebhookHandler> = {};
  for (const [type, route] of Object.entries(CHANGE_ROUTES)) {
    handlers[type] = async (event) => {
      const locationId = str(event['locationId']);
      const record = { ...route.record(event), ...route.implied };
      const id = str(record['id']);
      if (!locationId || (route.resources.length > 0 && !id)) throw new MalformedWebhookEvent(`${type} without locationId or id`);
      const tenantKey = `loc:${locationId}`;
      await invalidate({ tenantKey, fetcher: deps.fetcher, loaders: {} }, route.stale(record));
      const occurredAt = new Date(deps.clock.now()).toISOString();
      let published = 0;
      for (const resource of route.resources) published += deps.pollers.ingest(tenantKey, resource, route.kind, id, record, occurredAt);
      return `published to ${published} stream(s)`;
    };
  }
  return handlers;
}
