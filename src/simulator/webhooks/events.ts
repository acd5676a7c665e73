import type { ContactRecord, TaskRecord } from '../store.js';
import { appointmentEvent, associationEvent, clone, contactEvent, field, isObj, locationEvent, messageEvent, noteEvent, opportunityEvent, relationEvent, str, taskEvent, userEvent } from './payloads.js';
import type { EventPayload, EventRule, WriteRequest } from './types.js';

/**
 * The one table from a successful write to GHL's webhook events: operation `METHOD path` (as the
 * spec writes it) → the events that write causes, in the order they are sent. Operations that are
 * not listed (reads, followers, campaigns, workflows, businesses, …) send nothing. An operation
 * another engineer has not served yet still has its row: the row reads the created or updated
 * record from the answer, so it works once the handler lands. ASSUMPTIONS.md, section WH.
 */

type Obj = Record<string, unknown>;

/** Keeps a rule's snapshot type inside the rule; the table holds them type-erased. */
const rule = <B>(r: EventRule<B>): EventRule => r as EventRule;

const param = (req: WriteRequest, name: string): string => req.params[name] ?? '';

const contactAt = (req: WriteRequest, id: string | undefined): ContactRecord | undefined => (id ? clone(req.store.getContact(id)) : undefined);
const taskAt = (req: WriteRequest, id: string | undefined): TaskRecord | undefined => (id ? clone(req.store.getTask(id)) : undefined);

const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
const sameDnd = (a: ContactRecord, b: ContactRecord): boolean => a.dnd === b.dnd && JSON.stringify(a.dndSettings ?? {}) === JSON.stringify(b.dndSettings ?? {});

/** ContactUpdate, then ContactTagUpdate and ContactDndUpdate for what changed (when the old state is known). */
function contactUpdated(after: ContactRecord, before: ContactRecord | undefined): EventPayload[] {
  const events = [contactEvent('ContactUpdate', after)];
  if (before && !sameTags(before.tags, after.tags)) events.push(contactEvent('ContactTagUpdate', after));
  if (before && !sameDnd(before, after)) events.push(contactEvent('ContactDndUpdate', after));
  return events;
}

/** ContactTagUpdate when the tag set changed. */
function tagsChanged(req: WriteRequest, before: readonly string[] | undefined, contactId: string): EventPayload[] {
  const after = req.store.getContact(contactId);
  return after && before && !sameTags(before, after.tags) ? [contactEvent('ContactTagUpdate', after)] : [];
}

/** TaskComplete when a task goes from open to completed (GHL has no TaskUpdate). */
function completed(req: WriteRequest, before: TaskRecord | undefined): EventPayload[] {
  const after = before ? req.store.getTask(before.id) : undefined;
  return before && after && !before.completed && after.completed ? [taskEvent('TaskComplete', after)] : [];
}

const opportunityOf = (v: unknown): Obj | undefined => {
  const o = field(v, 'opportunity');
  return isObj(o) ? o : undefined;
};
const readOpportunity = (req: WriteRequest, id: string | undefined): Obj | undefined => (id ? opportunityOf(req.read('GET /opportunities/{id}', { id })) : undefined);

/** OpportunityUpdate, then one event per watched field that changed (when the old state is known). */
function opportunityUpdated(req: WriteRequest, after: Obj, before: Obj | undefined): EventPayload[] {
  const events = [opportunityEvent('OpportunityUpdate', after, req.locationId)];
  if (!before) return events;
  const changed = (...keys: string[]) => keys.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed('status')) events.push(opportunityEvent('OpportunityStatusUpdate', after, req.locationId));
  if (changed('pipelineId', 'pipelineStageId')) events.push(opportunityEvent('OpportunityStageUpdate', after, req.locationId));
  if (changed('monetaryValue')) events.push(opportunityEvent('OpportunityMonetaryValueUpdate', after, req.locationId));
  if (changed('assignedTo')) events.push(opportunityEvent('OpportunityAssignedToUpdate', after, req.locationId));
  return events;
}

/** An association as the API answers it: bare, or inside `{association}`. */
const associationOf = (v: unknown): Obj | undefined => {
  const inner = field(v, 'association');
  if (isObj(inner)) return inner;
  return isObj(v) && typeof v['id'] === 'string' ? v : undefined;
};

/** A location or user as the API answers it: bare, or inside `{location}` / `{user}`. */
const recordOf = (v: unknown, envelope: string): Obj | undefined => {
  const inner = field(v, envelope);
  if (isObj(inner)) return inner;
  return isObj(v) && (typeof v['id'] === 'string' || typeof v['_id'] === 'string') ? v : undefined;
};

export const webhookEvents: Readonly<Record<string, EventRule>> = {
  // Contacts ----------------------------------------------------------------------------------

  'POST /contacts/': rule({
    events: (req, res) => {
      const c = req.store.getContact(str(field(field(res, 'contact'), 'id')) ?? '');
      return c ? [contactEvent('ContactCreate', c)] : [];
    },
  }),

  'PUT /contacts/{contactId}': rule({
    before: (req) => contactAt(req, param(req, 'contactId')),
    events: (req, _res, before) => {
      const after = req.store.getContact(param(req, 'contactId'));
      return after ? contactUpdated(after, before) : [];
    },
  }),

  'DELETE /contacts/{contactId}': rule({
    before: (req) => contactAt(req, param(req, 'contactId')),
    events: (_req, _res, before) => (before ? [contactEvent('ContactDelete', before)] : []),
  }),

  /** The match is what the duplicate search finds (email first, then phone), as the handler's. */
  'POST /contacts/upsert': rule({
    before: (req) => {
      const body = isObj(req.body) ? req.body : {};
      const query = Object.fromEntries(Object.entries({ email: body['email'], number: body['phone'] }).filter(([, v]) => typeof v === 'string' && v !== ''));
      if (Object.keys(query).length === 0) return undefined;
      const id = str(field(field(req.read('GET /contacts/search/duplicate', {}, query), 'contact'), 'id'));
      return contactAt(req, id);
    },
    events: (req, res, before) => {
      const after = req.store.getContact(str(field(field(res, 'contact'), 'id')) ?? '');
      if (!after) return [];
      if (field(res, 'new') === true) return [contactEvent('ContactCreate', after)];
      return contactUpdated(after, before?.id === after.id ? before : undefined);
    },
  }),

  'POST /contacts/{contactId}/tags': rule({
    before: (req) => contactAt(req, param(req, 'contactId'))?.tags,
    events: (req, _res, before) => tagsChanged(req, before, param(req, 'contactId')),
  }),

  'DELETE /contacts/{contactId}/tags': rule({
    before: (req) => contactAt(req, param(req, 'contactId'))?.tags,
    events: (req, _res, before) => tagsChanged(req, before, param(req, 'contactId')),
  }),

  /** One ContactTagUpdate per contact of the token's location whose tags changed, in request order. */
  'POST /contacts/bulk/tags/update/{type}': rule({
    before: (req) => {
      const ids = field(req.body, 'contacts');
      const tags = new Map<string, string[]>();
      for (const id of Array.isArray(ids) ? ids : []) {
        const c = typeof id === 'string' ? req.store.getContact(id) : undefined;
        if (c && c.locationId === req.locationId && !tags.has(c.id)) tags.set(c.id, [...c.tags]);
      }
      return tags;
    },
    events: (req, _res, before) => [...(before ?? new Map<string, string[]>())].flatMap(([id, tags]) => tagsChanged(req, tags, id)),
  }),

  /** ContactUpdate for each contact whose business changed. */
  'POST /contacts/bulk/business': rule({
    before: (req) => {
      const ids = field(req.body, 'ids');
      const business = new Map<string, string | undefined>();
      for (const id of Array.isArray(ids) ? ids : []) {
        const c = typeof id === 'string' ? req.store.getContact(id) : undefined;
        if (c && c.locationId === req.locationId) business.set(c.id, c.businessId);
      }
      return business;
    },
    events: (req, _res, before) =>
      [...(before ?? new Map<string, string | undefined>())].flatMap(([id, businessId]) => {
        const c = req.store.getContact(id);
        return c && c.businessId !== businessId ? [contactEvent('ContactUpdate', c)] : [];
      }),
  }),

  // Tasks (GHL has no TaskUpdate: an update sends TaskComplete when it completes the task, else nothing)

  'POST /contacts/{contactId}/tasks': rule({
    events: (req, res) => {
      const t = req.store.getTask(str(field(field(res, 'task'), 'id')) ?? '');
      return t ? [taskEvent('TaskCreate', t)] : [];
    },
  }),

  'PUT /contacts/{contactId}/tasks/{taskId}': rule({
    before: (req) => taskAt(req, param(req, 'taskId')),
    events: (req, _res, before) => completed(req, before),
  }),

  'PUT /contacts/{contactId}/tasks/{taskId}/completed': rule({
    before: (req) => taskAt(req, param(req, 'taskId')),
    events: (req, _res, before) => completed(req, before),
  }),

  'DELETE /contacts/{contactId}/tasks/{taskId}': rule({
    before: (req) => taskAt(req, param(req, 'taskId')),
    events: (_req, _res, before) => (before ? [taskEvent('TaskDelete', before)] : []),
  }),

  // Notes -------------------------------------------------------------------------------------

  'POST /contacts/{contactId}/notes': rule({
    events: (req, res) => {
      const n = req.store.getNote(str(field(field(res, 'note'), 'id')) ?? '');
      return n ? [noteEvent('NoteCreate', n)] : [];
    },
  }),

  'PUT /contacts/{contactId}/notes/{id}': rule({
    events: (req) => {
      const n = req.store.getNote(param(req, 'id'));
      return n ? [noteEvent('NoteUpdate', n)] : [];
    },
  }),

  'DELETE /contacts/{contactId}/notes/{id}': rule({
    before: (req) => clone(req.store.getNote(param(req, 'id'))),
    events: (_req, _res, before) => (before ? [noteEvent('NoteDelete', before)] : []),
  }),

  // Appointments (nested payloads) ------------------------------------------------------------

  'POST /calendars/events/appointments': rule({
    events: (req, res) => {
      const a = req.store.getAppointment(str(field(res, 'id')) ?? str(field(field(res, 'event'), 'id')) ?? '');
      return a ? [appointmentEvent('AppointmentCreate', a)] : [];
    },
  }),

  'PUT /calendars/events/appointments/{eventId}': rule({
    events: (req) => {
      const a = req.store.getAppointment(param(req, 'eventId'));
      return a ? [appointmentEvent('AppointmentUpdate', a)] : [];
    },
  }),

  /** The same operation deletes blocked slots, which send nothing. */
  'DELETE /calendars/events/{eventId}': rule({
    before: (req) => clone(req.store.getAppointment(param(req, 'eventId'))),
    events: (_req, _res, before) => (before ? [appointmentEvent('AppointmentDelete', before)] : []),
  }),

  // Opportunities -----------------------------------------------------------------------------

  'POST /opportunities/': rule({
    events: (req, res) => {
      const o = opportunityOf(res);
      return o ? [opportunityEvent('OpportunityCreate', o, req.locationId)] : [];
    },
  }),

  'PUT /opportunities/{id}': rule({
    before: (req) => readOpportunity(req, param(req, 'id')),
    events: (req, res, before) => {
      const after = opportunityOf(res) ?? readOpportunity(req, param(req, 'id'));
      return after ? opportunityUpdated(req, after, before) : [];
    },
  }),

  /** The answer is `{succeded}`: the opportunity is read again. Nothing when the status stays. */
  'PUT /opportunities/{id}/status': rule({
    before: (req) => readOpportunity(req, param(req, 'id')),
    events: (req, _res, before) => {
      const after = readOpportunity(req, param(req, 'id'));
      return after && before && before['status'] !== after['status'] ? [opportunityEvent('OpportunityStatusUpdate', after, req.locationId)] : [];
    },
  }),

  'DELETE /opportunities/{id}': rule({
    before: (req) => readOpportunity(req, param(req, 'id')),
    events: (req, _res, before) => (before ? [opportunityEvent('OpportunityDelete', before, req.locationId)] : []),
  }),

  /** The old state is known when the body names the opportunity by `id`. */
  'POST /opportunities/upsert': rule({
    before: (req) => readOpportunity(req, str(field(req.body, 'id'))),
    events: (req, res, before) => {
      const after = opportunityOf(res);
      if (!after) return [];
      if (field(res, 'new') === true) return [opportunityEvent('OpportunityCreate', after, req.locationId)];
      return opportunityUpdated(req, after, before?.['id'] === after['id'] ? before : undefined);
    },
  }),

  // Associations and relations ----------------------------------------------------------------

  'POST /associations/': rule({
    events: (req, res) => {
      const a = associationOf(res);
      return a ? [associationEvent('AssociationCreate', a, req.locationId)] : [];
    },
  }),

  'PUT /associations/{associationId}': rule({
    events: (req, res) => {
      const a = associationOf(res) ?? associationOf(req.read('GET /associations/{associationId}', { associationId: param(req, 'associationId') }));
      return a ? [associationEvent('AssociationUpdate', a, req.locationId)] : [];
    },
  }),

  'DELETE /associations/{associationId}': rule({
    before: (req) => associationOf(req.read('GET /associations/{associationId}', { associationId: param(req, 'associationId') })),
    events: (req, _res, before) => (before ? [associationEvent('AssociationDelete', before, req.locationId)] : []),
  }),

  'POST /associations/relations': rule({
    events: (req, res) => {
      const r = isObj(res) ? { ...(isObj(req.body) ? req.body : {}), ...res } : undefined;
      return r && typeof r['id'] === 'string' ? [relationEvent('RelationCreate', r, req.locationId)] : [];
    },
  }),

  /** The simulator answers with the deleted relation; an answer without it still names the id. */
  'DELETE /associations/relations/{relationId}': rule({
    events: (req, res) => [relationEvent('RelationDelete', { ...(isObj(res) ? res : {}), id: param(req, 'relationId') }, req.locationId)],
  }),

  // Locations and users -----------------------------------------------------------------------

  'POST /locations/': rule({
    events: (req, res) => {
      const l = recordOf(res, 'location');
      return l ? [locationEvent('LocationCreate', { ...l, prospectInfo: field(req.body, 'prospectInfo') }, req.companyId)] : [];
    },
  }),

  'PUT /locations/{locationId}': rule({
    events: (req, res) => {
      const l = recordOf(res, 'location') ?? { id: param(req, 'locationId') };
      return [locationEvent('LocationUpdate', { id: param(req, 'locationId'), ...l }, req.companyId)];
    },
  }),

  /** One event per sub-account location of a sub-account user; one agency-level event for an agency user. */
  'POST /users/': rule({
    events: (req, res) => {
      const u = recordOf(res, 'user');
      if (!u) return [];
      const roles = isObj(u['roles']) ? u['roles'] : {};
      const type = roles['type'] ?? field(req.body, 'type');
      const companyId = str(field(req.body, 'companyId')) ?? req.companyId;
      if (type === 'agency') return companyId ? [userEvent(u, { companyId })] : [];
      const locations = roles['locationIds'] ?? field(req.body, 'locationIds');
      return (Array.isArray(locations) ? locations : []).filter((l): l is string => typeof l === 'string').map((locationId) => userEvent(u, { locationId }));
    },
  }),

  // Conversations (served once the conversations domain handles sends) -----------------------

  'POST /conversations/messages': rule({
    events: (req, res) => (isObj(res) && isObj(req.body) ? [messageEvent('OutboundMessage', req.body, res, req.locationId, req.now)] : []),
  }),

  'POST /conversations/messages/inbound': rule({
    events: (req, res) => (isObj(res) && isObj(req.body) ? [messageEvent('InboundMessage', req.body, res, req.locationId, req.now)] : []),
  }),

  'POST /conversations/messages/outbound': rule({
    events: (req, res) => (isObj(res) && isObj(req.body) ? [messageEvent('OutboundMessage', req.body, res, req.locationId, req.now)] : []),
  }),
};
