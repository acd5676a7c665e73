import { badRequest, unprocessable } from '../errors.js';
import { locationOf, type RouteTable } from '../routes/types.js';
import { matchesQuery, searchContacts, type SearchBody } from '../search.js';
import type { ContactRecord } from '../store.js';
import { body, contactOf, created, ok, ownBusiness, SUCCEDED } from './contacts-access.js';
import { contactPatch, findDuplicate, type ContactBody } from './contacts-input.js';
import { contactDto, createdContactDto, listedContactDto } from './contacts-present.js';
import type { SimulatorDomain } from './types.js';
import { intParam } from '../params.js';

/**
 * apps/contacts.json. Envelopes and status codes are the spec's, misspellings included
 * (`succeded`). Every handler reaches data through contacts-access.ts, which enforces the token's
 * location. A contact's tasks, notes and appointments are served by tasks.ts, notes.ts and
 * appointments.ts. Contacts live in the core store and are seeded by seed.ts.
 */

const byNewest = (a: ContactRecord, b: ContactRecord): number => (a.dateAdded < b.dateAdded ? 1 : a.dateAdded > b.dateAdded ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A string parameter the spec types as string but means as a number ("25"). */

function duplicateRefused(existing: ContactRecord, field: 'email' | 'phone'): never {
  throw badRequest('This location does not allow duplicated contacts.', {
    meta: { contactName: [existing.firstName, existing.lastName].filter(Boolean).join(' '), contactId: existing.id, matchingField: field },
  });
}

const routes: RouteTable = {
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

export const contactsDomain: SimulatorDomain = { name: 'contacts', routes };
