import { badRequest, unprocessable } from '../errors.js';
import { matchesQuery, searchContacts, type SearchBody } from '../search.js';
import type { ContactRecord } from '../store.js';
import { ownBusiness, ownContact, ownNote, ownTask } from './access.js';
import { contactPatch, findDuplicate, type ContactBody } from './contact-input.js';
import { contactDto, createdContactDto, eventDto, listedContactDto, noteDto, taskDto } from './present.js';
import { locationOf, type RequestContext, type RouteTable } from './types.js';

/**
 * apps/contacts.json. Envelopes and status codes are the spec's, misspellings included
 * (`succeded`). Every handler reaches data through access.ts, which enforces the token's location.
 */

const ok = (body: unknown) => ({ status: 200, body });
const created = (body: unknown) => ({ status: 201, body });
const SUCCEDED = { succeded: true };

const byNewest = (a: ContactRecord, b: ContactRecord): number => (a.dateAdded < b.dateAdded ? 1 : a.dateAdded > b.dateAdded ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A string parameter the spec types as string but means as a number ("25"). */
function intParam(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw unprocessable([`${name} must be an integer number`]);
  if (n < min) throw unprocessable([`${name} must not be less than ${min}`]);
  if (n > max) throw unprocessable([`${name} must not be greater than ${max}`]);
  return n;
}

function isoDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw unprocessable([`${name} must be a valid ISO 8601 date string`]);
  return new Date(t).toISOString();
}

function duplicateRefused(existing: ContactRecord, field: 'email' | 'phone'): never {
  throw badRequest('This location does not allow duplicated contacts.', {
    meta: { contactName: [existing.firstName, existing.lastName].filter(Boolean).join(' '), contactId: existing.id, matchingField: field },
  });
}

const body = <T>(ctx: RequestContext): T => ctx.body as T;
const contactOf = (ctx: RequestContext): ContactRecord => ownContact(ctx, ctx.params['contactId'] as string);

export const contactRoutes: RouteTable = {
  // Contacts ----------------------------------------------------------------------------------

  'GET /contacts/{contactId}': (ctx) => ok({ contact: contactDto(contactOf(ctx)) }),

  'POST /contacts/': (ctx) => {
    const input = body<ContactBody>(ctx);
    const locationId = locationOf(ctx);
    const patch = contactPatch(input);
    const dup = findDuplicate(ctx.store.listContacts(locationId), patch.email, patch.phone);
    if (dup) duplicateRefused(dup.contact, dup.field);
    return created({ contact: createdContactDto(ctx.store.createContact(locationId, patch)) });
  },

  'PUT /contacts/{contactId}': (ctx) => {
    const contact = contactOf(ctx);
    const patch = contactPatch(body<ContactBody>(ctx), contact);
    const dup = findDuplicate(ctx.store.listContacts(contact.locationId), patch.email, patch.phone, contact.id);
    if (dup) duplicateRefused(dup.contact, dup.field);
    return ok({ succeded: true, contact: contactDto(ctx.store.updateContact(contact.id, patch)) });
  },

  'DELETE /contacts/{contactId}': (ctx) => {
    ctx.store.deleteContact(contactOf(ctx).id);
    return ok(SUCCEDED);
  },

  'POST /contacts/upsert': (ctx) => {
    const locationId = locationOf(ctx);
    const input = body<ContactBody & { createNewIfDuplicateAllowed?: boolean }>(ctx);
    const patch = contactPatch(input);
    const dup = findDuplicate(ctx.store.listContacts(locationId), patch.email, patch.phone);
    const traceId = ctx.store.random.uuid();
    if (dup) {
      const merged = contactPatch(input, dup.contact);
      return ok({ new: false, contact: contactDto(ctx.store.updateContact(dup.contact.id, merged)), traceId });
    }
    return ok({ new: true, contact: contactDto(ctx.store.createContact(locationId, patch)), traceId });
  },

  // Listing and search ------------------------------------------------------------------------

  'POST /contacts/search': (ctx) => {
    const { hits, total } = searchContacts(ctx.store.listContacts(locationOf(ctx)), body<SearchBody>(ctx));
    return ok({ contacts: hits.map((h) => ({ ...contactDto(h.contact), followers: [...h.contact.followers], searchAfter: h.searchAfter })), total });
  },

  /** Deprecated list: newest first, cursor = (startAfter = dateAdded in ms, startAfterId). */
  'GET /contacts/': (ctx) => {
    const { query: q, startAfter, startAfterId } = ctx.query as { query?: string; startAfter?: number; startAfterId?: string };
    const limit = intParam(ctx.query['limit'], 'limit', 20, 1, 100);
    const all = ctx.store
      .listContacts(locationOf(ctx))
      .filter((c) => matchesQuery(c, q))
      .sort(byNewest);
    let start = 0;
    if (startAfterId !== undefined || startAfter !== undefined) {
      const at = all.findIndex((c) => c.id === startAfterId);
      start = at >= 0 ? at + 1 : all.findIndex((c) => startAfter !== undefined && Date.parse(c.dateAdded) < startAfter);
      if (start < 0) start = all.length;
    }
    const page = all.slice(start, start + limit);
    const last = page.at(-1);
    const hasNext = start + limit < all.length && last !== undefined;
    const currentPage = Math.floor(start / limit) + 1;
    return ok({
      contacts: page.map(listedContactDto),
      count: all.length,
      meta: {
        total: all.length,
        ...(last ? { startAfterId: last.id, startAfter: Date.parse(last.dateAdded) } : {}),
        ...(hasNext ? { nextPageUrl: `/contacts/?${new URLSearchParams({ locationId: locationOf(ctx), limit: String(limit), startAfterId: last.id, startAfter: String(Date.parse(last.dateAdded)), ...(q ? { query: q } : {}) })}` } : {}),
        currentPage,
        ...(hasNext ? { nextPage: currentPage + 1 } : {}),
        prevPage: currentPage > 1 ? currentPage - 1 : null,
      },
    });
  },

  'GET /contacts/business/{businessId}': (ctx) => {
    const business = ownBusiness(ctx, ctx.params['businessId'] as string);
    const limit = intParam(ctx.query['limit'], 'limit', 25, 1, 100);
    const skip = intParam(ctx.query['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
    const all = ctx.store
      .listContacts(business.locationId)
      .filter((c) => c.businessId === business.id && matchesQuery(c, ctx.query['query'] as string | undefined))
      .sort(byNewest);
    return ok({ contacts: all.slice(skip, skip + limit).map(listedContactDto), count: all.length });
  },

  'GET /contacts/search/duplicate': (ctx) => {
    const { email, number } = ctx.query as { email?: string; number?: string };
    if (!email && !number) throw unprocessable(['email or number should not be empty']);
    const dup = findDuplicate(ctx.store.listContacts(locationOf(ctx)), email, number);
    return ok({ contact: dup ? contactDto(dup.contact) : null });
  },

  // Tasks -------------------------------------------------------------------------------------

  'GET /contacts/{contactId}/tasks': (ctx) => {
    const tasks = ctx.store.listTasks(contactOf(ctx).id).sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
    return ok({ tasks: tasks.map(taskDto) });
  },

  'GET /contacts/{contactId}/tasks/{taskId}': (ctx) => ok({ task: taskDto(ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string)) }),

  'POST /contacts/{contactId}/tasks': (ctx) => {
    const input = body<{ title: string; body?: string; dueDate: string; completed: boolean; assignedTo?: string }>(ctx);
    const dueDate = isoDate(input.dueDate, 'dueDate') as string;
    const task = ctx.store.createTask(contactOf(ctx), { title: input.title, body: input.body, dueDate, completed: input.completed, assignedTo: input.assignedTo });
    return created({ task: taskDto(task) });
  },

  'PUT /contacts/{contactId}/tasks/{taskId}': (ctx) => {
    const task = ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string);
    const input = body<{ title?: string; body?: string; dueDate?: string; completed?: boolean; assignedTo?: string }>(ctx);
    const patch = { title: input.title, body: input.body, dueDate: isoDate(input.dueDate, 'dueDate'), completed: input.completed, assignedTo: input.assignedTo };
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return ok({ task: taskDto(ctx.store.updateTask(task.id, defined)) });
  },

  'PUT /contacts/{contactId}/tasks/{taskId}/completed': (ctx) => {
    const task = ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string);
    return ok({ task: taskDto(ctx.store.updateTask(task.id, { completed: body<{ completed: boolean }>(ctx).completed })) });
  },

  'DELETE /contacts/{contactId}/tasks/{taskId}': (ctx) => {
    ctx.store.deleteTask(ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string).id);
    return ok(SUCCEDED);
  },

  // Notes -------------------------------------------------------------------------------------

  'GET /contacts/{contactId}/notes': (ctx) => {
    const notes = ctx.store.listNotes(contactOf(ctx).id).sort((a, b) => b.dateAdded.localeCompare(a.dateAdded) || a.id.localeCompare(b.id));
    return ok({ notes: notes.map(noteDto) });
  },

  'GET /contacts/{contactId}/notes/{id}': (ctx) => ok({ note: noteDto(ownNote(ctx, contactOf(ctx), ctx.params['id'] as string)) }),

  'POST /contacts/{contactId}/notes': (ctx) => {
    const input = body<{ body: string; userId?: string; title?: string; color?: string; pinned?: boolean }>(ctx);
    if (!input.body.trim()) throw unprocessable(['body should not be empty']);
    return created({ note: noteDto(ctx.store.createNote(contactOf(ctx), input)) });
  },

  'PUT /contacts/{contactId}/notes/{id}': (ctx) => {
    const note = ownNote(ctx, contactOf(ctx), ctx.params['id'] as string);
    return ok({ note: noteDto(ctx.store.updateNote(note.id, body<{ body?: string; userId?: string; title?: string; color?: string; pinned?: boolean }>(ctx))) });
  },

  'DELETE /contacts/{contactId}/notes/{id}': (ctx) => {
    ctx.store.deleteNote(ownNote(ctx, contactOf(ctx), ctx.params['id'] as string).id);
    return ok(SUCCEDED);
  },

  // Appointments ------------------------------------------------------------------------------

  'GET /contacts/{contactId}/appointments': (ctx) => {
    const events = ctx.store.listAppointments(contactOf(ctx).id).sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id));
    return ok({ events: events.map(eventDto) });
  },

  // Tags --------------------------------------------------------------------------------------

  'POST /contacts/{contactId}/tags': (ctx) => {
    const contact = contactOf(ctx);
    const tags = [...new Set([...contact.tags, ...body<{ tags: string[] }>(ctx).tags.map((t) => t.trim()).filter(Boolean)])];
    return created({ tags: [...ctx.store.updateContact(contact.id, { tags }).tags] });
  },

  'DELETE /contacts/{contactId}/tags': (ctx) => {
    const contact = contactOf(ctx);
    const drop = new Set(body<{ tags: string[] }>(ctx).tags.map((t) => t.trim().toLowerCase()));
    return ok({ tags: [...ctx.store.updateContact(contact.id, { tags: contact.tags.filter((t) => !drop.has(t.toLowerCase())) }).tags] });
  },

  /** The spec does not declare `{type}`; GHL's description says add or remove. */
  'POST /contacts/bulk/tags/update/{type}': (ctx) => {
    const type = ctx.params['type'];
    const input = body<{ contacts: string[]; tags: string[]; locationId: string; removeAllTags?: boolean }>(ctx);
    if (type !== 'add' && type !== 'remove') throw unprocessable(['type must be one of the following values: add, remove']);
    if (input.removeAllTags && type !== 'remove') throw unprocessable(['removeAllTags is only allowed with type remove']);
    const tags = input.tags.map((t) => t.trim()).filter(Boolean);
    const responses: string[] = [];
    let errorCount = 0;
    for (const id of input.contacts) {
      const contact = ctx.store.getContact(id);
      if (!contact || contact.locationId !== locationOf(ctx)) {
        errorCount++;
        responses.push(`${id}: Contact not found`);
        continue;
      }
      const drop = new Set(tags.map((t) => t.toLowerCase()));
      const next = type === 'add' ? [...new Set([...contact.tags, ...tags])] : input.removeAllTags ? [] : contact.tags.filter((t) => !drop.has(t.toLowerCase()));
      ctx.store.updateContact(contact.id, { tags: next });
      responses.push(`${id}: ok`);
    }
    return created({ succeded: errorCount === 0, errorCount, responses });
  },

  'POST /contacts/bulk/business': (ctx) => {
    const input = body<{ locationId: string; ids: string[]; businessId: string | null }>(ctx);
    if (input.businessId !== null) ownBusiness(ctx, input.businessId);
    const updated: string[] = [];
    for (const id of input.ids) {
      const contact = ctx.store.getContact(id);
      if (!contact || contact.locationId !== locationOf(ctx)) continue;
      ctx.store.updateContact(id, { businessId: input.businessId ?? undefined });
      updated.push(id);
    }
    return ok({ success: true, ids: updated });
  },

  // Followers (campaign and workflow enrolment: domains/campaigns.ts, domains/workflows.ts) ----

  'POST /contacts/{contactId}/followers': (ctx) => {
    const contact = contactOf(ctx);
    const added = [...new Set(body<{ followers: string[] }>(ctx).followers)].filter((f) => !contact.followers.includes(f));
    const followers = ctx.store.updateContact(contact.id, { followers: [...contact.followers, ...added] }).followers;
    return created({ followers: [...followers], followersAdded: added });
  },

  'DELETE /contacts/{contactId}/followers': (ctx) => {
    const contact = contactOf(ctx);
    const drop = new Set(body<{ followers: string[] }>(ctx).followers);
    const removed = contact.followers.filter((f) => drop.has(f));
    const followers = ctx.store.updateContact(contact.id, { followers: contact.followers.filter((f) => !drop.has(f)) }).followers;
    return ok({ followers: [...followers], followersRemoved: removed });
  },
};
