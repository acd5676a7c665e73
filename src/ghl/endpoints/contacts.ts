import { operation } from '../operations.js';
import type { BulkTagsResult, ContactWriteBody, WireContact, WireCustomFieldValue } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** Shapes from apps/contacts.json, corrected where the spec is wrong in src/ghl/openapi/wire.ts. */
export type GhlCustomFieldValue = WireCustomFieldValue;
export type GhlContact = WireContact;
export type { BulkTagsResult, ContactWriteBody };

export interface GhlTask {
  id: string;
  title?: string;
  body?: string;
  assignedTo?: string;
  dueDate?: string;
  completed?: boolean;
  contactId?: string;
}

export interface GhlNote {
  id: string;
  body?: string;
  userId?: string;
  dateAdded?: string;
  contactId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}

export interface GhlEvent {
  id: string;
  calendarId?: string;
  status?: string;
  title?: string;
  assignedUserId?: string;
  notes?: string;
  startTime?: string;
  endTime?: string;
  address?: string;
  locationId?: string;
  contactId?: string;
  groupId?: string;
  appointmentStatus?: string;
  users?: string[];
  dateAdded?: string;
  dateUpdated?: string;
}

/**
 * Body of `POST /contacts/search`. The spec leaves it empty (`SearchBodyV2DTO`); these are the
 * fields GHL documents in its advanced-search guide. See src/simulator/ASSUMPTIONS.md.
 */
export interface ContactSearchBody {
  locationId: string;
  query?: string;
  pageLimit?: number;
  page?: number;
  searchAfter?: (string | number)[];
  filters?: { field: string; operator: string; value?: unknown }[];
  sort?: { field: string; direction: 'asc' | 'desc' }[];
}

export interface ContactSearchResult {
  contacts: GhlContact[];
  total: number;
}

/** `UpsertContactDto` adds these to the writable fields. */
export interface ContactUpsertBody extends ContactWriteBody {
  locationId: string;
  createNewIfDuplicateAllowed?: boolean;
}

export interface ContactUpsertResult {
  /** GHL's `new`: true when no contact matched and one was created. */
  created: boolean;
  contact: GhlContact;
  traceId?: string;
}

export interface FollowersResult {
  followers: string[];
  /** `followersAdded` or `followersRemoved`, whichever the call reports. */
  changed: string[];
}

const ops = {
  createContact: operation('POST /contacts/'),
  upsertContact: operation('POST /contacts/upsert'),
  removeTags: operation('DELETE /contacts/{contactId}/tags'),
  bulkTags: operation('POST /contacts/bulk/tags/update/{type}'),
  addFollowers: operation('POST /contacts/{contactId}/followers'),
  removeFollowers: operation('DELETE /contacts/{contactId}/followers'),
  updateContact: operation('PUT /contacts/{contactId}'),
  deleteContact: operation('DELETE /contacts/{contactId}'),
  addTags: operation('POST /contacts/{contactId}/tags'),
  getContact: operation('GET /contacts/{contactId}'),
  searchContacts: operation('POST /contacts/search'),
  getTasks: operation('GET /contacts/{contactId}/tasks'),
  getNotes: operation('GET /contacts/{contactId}/notes'),
  getAppointments: operation('GET /contacts/{contactId}/appointments'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

export async function getContact(ctx: GhlCallContext, contactId: string): Promise<GhlContact> {
  const res = await ctx.client.call<{ contact: GhlContact }>(ops.getContact, ctx.credential, { ...call(ctx), pathParams: { contactId } });
  return res.data.contact;
}

export async function searchContacts(ctx: GhlCallContext, body: ContactSearchBody): Promise<ContactSearchResult> {
  const res = await ctx.client.call<ContactSearchResult>(ops.searchContacts, ctx.credential, { ...call(ctx), body });
  return { contacts: res.data.contacts ?? [], total: res.data.total ?? 0 };
}

export async function getContactTasks(ctx: GhlCallContext, contactId: string): Promise<GhlTask[]> {
  const res = await ctx.client.call<{ tasks: GhlTask[] }>(ops.getTasks, ctx.credential, { ...call(ctx), pathParams: { contactId } });
  return res.data.tasks ?? [];
}

export async function getContactNotes(ctx: GhlCallContext, contactId: string): Promise<GhlNote[]> {
  const res = await ctx.client.call<{ notes: GhlNote[] }>(ops.getNotes, ctx.credential, { ...call(ctx), pathParams: { contactId } });
  return res.data.notes ?? [];
}

export async function getContactAppointments(ctx: GhlCallContext, contactId: string): Promise<GhlEvent[]> {
  const res = await ctx.client.call<{ events: GhlEvent[] }>(ops.getAppointments, ctx.credential, { ...call(ctx), pathParams: { contactId } });
  return res.data.events ?? [];
}

export async function createContact(ctx: GhlCallContext, body: ContactWriteBody & { locationId: string }): Promise<GhlContact> {
  const res = await ctx.client.call<{ contact: GhlContact }>(ops.createContact, ctx.credential, { ...call(ctx), body });
  return res.data.contact;
}

export async function updateContact(ctx: GhlCallContext, contactId: string, body: ContactWriteBody): Promise<GhlContact> {
  const res = await ctx.client.call<{ contact: GhlContact }>(ops.updateContact, ctx.credential, { ...call(ctx), pathParams: { contactId }, body });
  return res.data.contact;
}

export async function deleteContact(ctx: GhlCallContext, contactId: string): Promise<void> {
  await ctx.client.call(ops.deleteContact, ctx.credential, { ...call(ctx), pathParams: { contactId } });
}

/** Returns the contact's tags after the change. */
export async function addContactTags(ctx: GhlCallContext, contactId: string, tags: string[]): Promise<string[]> {
  const res = await ctx.client.call<{ tags: string[] }>(ops.addTags, ctx.credential, { ...call(ctx), pathParams: { contactId }, body: { tags } });
  return res.data.tags ?? [];
}

/** Creates the contact, or updates the one GHL's duplicate rule matches (email, then phone). */
export async function upsertContact(ctx: GhlCallContext, body: ContactUpsertBody): Promise<ContactUpsertResult> {
  const res = await ctx.client.call<{ new?: boolean; contact: GhlContact; traceId?: string }>(ops.upsertContact, ctx.credential, { ...call(ctx), body });
  return { created: res.data.new ?? false, contact: res.data.contact, ...(res.data.traceId ? { traceId: res.data.traceId } : {}) };
}

/** A DELETE with a JSON body (the spec requires it). Returns the tags left on the contact. */
export async function removeContactTags(ctx: GhlCallContext, contactId: string, tags: string[]): Promise<string[]> {
  const res = await ctx.client.call<{ tags: string[] }>(ops.removeTags, ctx.credential, { ...call(ctx), pathParams: { contactId }, body: { tags } });
  return res.data.tags ?? [];
}

/**
 * `POST /contacts/bulk/tags/update/{type}` (operationId `create-association`, a spec slip). The
 * spec never declares `{type}`; GHL's description names the two values.
 */
export async function bulkUpdateContactTags(
  ctx: GhlCallContext,
  type: 'add' | 'remove',
  body: { contacts: string[]; tags: string[]; removeAllTags?: boolean },
): Promise<BulkTagsResult> {
  const res = await ctx.client.call<BulkTagsResult>(ops.bulkTags, ctx.credential, {
    ...call(ctx),
    pathParams: { type },
    body: { locationId: ctx.credential.locationId, ...body },
  });
  return { succeded: res.data.succeded, errorCount: res.data.errorCount ?? 0, responses: res.data.responses ?? [] };
}

export async function addContactFollowers(ctx: GhlCallContext, contactId: string, followers: string[]): Promise<FollowersResult> {
  const res = await ctx.client.call<{ followers?: string[]; followersAdded?: string[] }>(ops.addFollowers, ctx.credential, { ...call(ctx), pathParams: { contactId }, body: { followers } });
  return { followers: res.data.followers ?? [], changed: res.data.followersAdded ?? [] };
}

/** A DELETE with a JSON body, like tag removal. */
export async function removeContactFollowers(ctx: GhlCallContext, contactId: string, followers: string[]): Promise<FollowersResult> {
  const res = await ctx.client.call<{ followers?: string[]; followersRemoved?: string[] }>(ops.removeFollowers, ctx.credential, { ...call(ctx), pathParams: { contactId }, body: { followers } });
  return { followers: res.data.followers ?? [], changed: res.data.followersRemoved ?? [] };
}
