import type { AppointmentRecord, ContactRecord, NoteRecord, TaskRecord } from '../store.js';
import type { EventPayload } from './types.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Event payloads, field by field as the examples in `docs/webhook-events/*.md` list them, in their
 * order. Absent values are left out, as in the API answers (ASSUMPTIONS D1). Core records (contacts,
 * tasks, notes, appointments) are read from the store; the other domains' records come from their
 * API answers, so this file depends on their wire shapes only.
 */

type Obj = Record<string, unknown>;


const event = (type: string, fields: Obj): EventPayload => ({ type, ...withoutUndefined(fields) });

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `v[key]` when `v` is an object, else undefined. */
export const field = (v: unknown, key: string): unknown => (isObj(v) ? v[key] : undefined);

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Contact events (`ContactCreate`, `ContactUpdate`, `ContactDelete`, `ContactTagUpdate`, `ContactDndUpdate`). */
export function contactEvent(type: string, c: ContactRecord): EventPayload {
  return event(type, {
    locationId: c.locationId,
    id: c.id,
    address1: c.address1,
    city: c.city,
    state: c.state,
    companyName: c.companyName,
    country: c.country,
    source: c.source,
    dateAdded: c.dateAdded,
    dateOfBirth: c.dateOfBirth,
    dnd: c.dnd,
    // Only ContactDndUpdate documents the per-channel settings.
    dndSettings: type === 'ContactDndUpdate' ? clone(c.dndSettings ?? {}) : undefined,
    email: c.email,
    name: [c.firstName, c.lastName].filter(Boolean).join(' ') || undefined,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    postalCode: c.postalCode,
    tags: [...c.tags],
    website: c.website,
    attachments: [],
    assignedTo: c.assignedTo,
    customFields: c.customFields.map((f) => ({ id: f.id, value: f.value })),
  });
}

/** `TaskCreate`, `TaskComplete`, `TaskDelete`. */
export function taskEvent(type: string, t: TaskRecord): EventPayload {
  return event(type, { locationId: t.locationId, id: t.id, assignedTo: t.assignedTo, body: t.body, contactId: t.contactId, title: t.title, dateAdded: t.dateAdded, dueDate: t.dueDate });
}

/** `NoteCreate`, `NoteUpdate`, `NoteDelete`. */
export function noteEvent(type: string, n: NoteRecord): EventPayload {
  return event(type, { locationId: n.locationId, id: n.id, body: n.body, contactId: n.contactId, dateAdded: n.dateAdded });
}

/** `AppointmentCreate/Update/Delete`: the only nested payloads. `source` is the booking's source. */
export function appointmentEvent(type: string, a: AppointmentRecord): EventPayload {
  return event(type, {
    locationId: a.locationId,
    appointment: withoutUndefined({
      id: a.id,
      address: a.address,
      title: a.title,
      calendarId: a.calendarId,
      contactId: a.contactId,
      groupId: a.groupId,
      appointmentStatus: a.appointmentStatus,
      assignedUserId: a.assignedUserId,
      users: [...a.users],
      notes: a.notes,
      source: a.createdBy?.source,
      startTime: a.startTime,
      endTime: a.endTime,
      dateAdded: a.dateAdded,
      dateUpdated: a.dateUpdated,
    }),
  });
}

/** Opportunity events, from the API's opportunity shape (`createdAt` is the events' `dateAdded`). */
export function opportunityEvent(type: string, o: Obj, locationId: string | null): EventPayload {
  return event(type, {
    locationId: o['locationId'] ?? locationId ?? undefined,
    id: o['id'],
    assignedTo: o['assignedTo'],
    contactId: o['contactId'],
    monetaryValue: o['monetaryValue'],
    name: o['name'],
    pipelineId: o['pipelineId'],
    pipelineStageId: o['pipelineStageId'],
    source: o['source'],
    status: o['status'],
    dateAdded: o['dateAdded'] ?? o['createdAt'],
  });
}

/** `AssociationCreate/Update/Delete` (the docs' examples carry no `type`; the simulator adds it, as to every event). */
export function associationEvent(type: string, a: Obj, locationId: string | null): EventPayload {
  return event(type, {
    id: a['id'],
    associationType: a['associationType'],
    firstObjectKey: a['firstObjectKey'],
    firstObjectLabel: a['firstObjectLabel'],
    firstObjectToSecondObjectCardinality: a['firstObjectToSecondObjectCardinality'],
    secondObjectKey: a['secondObjectKey'],
    secondObjectLabel: a['secondObjectLabel'],
    secondObjectToFirstObjectCardinality: a['secondObjectToFirstObjectCardinality'],
    key: a['key'],
    locationId: a['locationId'] ?? locationId ?? undefined,
  });
}

/** `RelationCreate/Delete`. */
export function relationEvent(type: string, r: Obj, locationId: string | null): EventPayload {
  return event(type, {
    id: r['id'],
    firstObjectKey: r['firstObjectKey'],
    firstRecordId: r['firstRecordId'],
    secondObjectKey: r['secondObjectKey'],
    secondRecordId: r['secondRecordId'],
    associationId: r['associationId'],
    locationId: r['locationId'] ?? locationId ?? undefined,
  });
}

/** `LocationCreate/Update`: `{type, id, companyId, name, email, stripeProductId}` (no `locationId`). */
export function locationEvent(type: string, l: Obj, companyId: string | null): EventPayload {
  return event(type, {
    id: l['id'] ?? l['_id'],
    companyId: l['companyId'] ?? companyId ?? undefined,
    name: l['name'],
    email: l['email'] ?? field(l['prospectInfo'], 'email'),
    stripeProductId: l['stripeProductId'],
  });
}

/**
 * `UserCreate` from the API's user shape: a sub-account user carries `locationId`, an agency user
 * `companyId` and `locations`.
 */
export function userEvent(u: Obj, target: { locationId: string } | { companyId: string }): EventPayload {
  const roles = isObj(u['roles']) ? u['roles'] : {};
  return event('UserCreate', {
    ...('locationId' in target ? { locationId: target.locationId } : { companyId: target.companyId }),
    id: u['id'],
    firstName: u['firstName'],
    lastName: u['lastName'],
    email: u['email'],
    phone: u['phone'],
    extension: u['extension'],
    role: roles['role'] ?? u['role'],
    permissions: clone(u['permissions']),
    locations: 'companyId' in target ? clone(roles['locationIds'] ?? u['locationIds'] ?? []) : undefined,
  });
}

/** `InboundMessage` / `OutboundMessage` from the request and the answer of a message operation. */
export function messageEvent(type: 'InboundMessage' | 'OutboundMessage', req: Obj, res: Obj, locationId: string | null, now: string): EventPayload {
  const call = isObj(req['call']) ? req['call'] : undefined;
  return event(type, {
    locationId: locationId ?? undefined,
    attachments: Array.isArray(req['attachments']) ? clone(req['attachments']) : [],
    body: req['message'] ?? res['message'] ?? req['html'],
    contactId: req['contactId'] ?? res['contactId'],
    contentType: req['type'] === 'SMS' ? 'text/plain' : undefined,
    conversationId: res['conversationId'] ?? req['conversationId'],
    dateAdded: res['dateAdded'] ?? req['date'] ?? now,
    direction: type === 'InboundMessage' ? 'inbound' : 'outbound',
    messageType: req['type'],
    messageId: res['messageId'],
    emailMessageId: res['emailMessageId'],
    subject: req['subject'],
    conversationProviderId: req['conversationProviderId'],
    status: call ? call['status'] : (res['status'] ?? (type === 'InboundMessage' ? 'delivered' : undefined)),
    callStatus: call ? call['status'] : undefined,
  });
}

/** `UNINSTALL`: `{type, appId, locationId}` for a location, `{type, appId, companyId}` for an agency. */
export function uninstallEvent(e: { appId: string; companyId: string; locationId?: string }): EventPayload {
  return e.locationId ? { type: 'UNINSTALL', appId: e.appId, locationId: e.locationId } : { type: 'UNINSTALL', appId: e.appId, companyId: e.companyId };
}
