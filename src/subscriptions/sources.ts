import type { GhlCallContext } from '../ghl/endpoints/types.js';
import { listBusinesses } from '../ghl/endpoints/businesses.js';
import { listCalendarEvents } from '../ghl/endpoints/calendars.js';
import { getContactAppointments, getContactNotes, getContactTasks, searchContacts } from '../ghl/endpoints/contacts.js';
import { getConversationMessages, searchConversations } from '../ghl/endpoints/conversations.js';
import { searchOpportunities } from '../ghl/endpoints/opportunities.js';
import { getLocationUsers } from '../ghl/endpoints/users.js';
import type { PollSource } from './poller.js';
import type { WatchedResource } from './resources.js';

/**
 * What may be polled and how. Each source names the resource webhooks use for the same records,
 * so a webhook and a poll of one change meet in one snapshot.
 */

type Item = Record<string, unknown>;
const idOf = (item: Item) => String(item['id']);
const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) || null : null);

/** GHL pages of this size are the most a poll asks for in one call. */
const PAGE = 100;

/** Follows skip/limit pages to the end; stops if a page repeats the previous one (a paging bug upstream). */
export async function allPages(fetchPage: (skip: number, limit: number) => Promise<Item[]>, maxPages = 50): Promise<Item[]> {
  const all: Item[] = [];
  let lastFirstId: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const items = await fetchPage(page * PAGE, PAGE);
    const firstId = items[0] ? idOf(items[0]) : null;
    if (items.length === 0 || firstId === lastFirstId) break;
    lastFirstId = firstId;
    all.push(...items);
    if (items.length < PAGE) break;
  }
  return all;
}

export interface ContactsArgs {
  query?: string | null;
  tags?: readonly string[] | null;
}

/** Contacts of a location: the window of the 100 most recently updated, one call per poll. */
export const contactSource: PollSource<ContactsArgs> = {
  resource: 'contact',
  idOf,
  async list(call: GhlCallContext, args) {
    const res = await searchContacts(call, {
      locationId: call.credential.locationId,
      pageLimit: PAGE,
      sort: [{ field: 'dateUpdated', direction: 'desc' }],
      ...(args.query ? { query: args.query } : {}),
      ...(args.tags?.length ? { filters: args.tags.map((tag) => ({ field: 'tags', operator: 'eq', value: tag })) } : {}),
    });
    return res.contacts as unknown as Item[];
  },
  matches(args, item) {
    const tags = Array.isArray(item['tags']) ? (item['tags'] as string[]) : [];
    if (args.tags?.length && !args.tags.every((t) => tags.includes(t))) return false;
    if (args.query) {
      const q = args.query.toLowerCase();
      return ['firstName', 'lastName', 'name', 'email', 'phone'].some((f) => String(item[f] ?? '').toLowerCase().includes(q));
    }
    return true;
  },
  window: { addedAt: (item) => time(item['dateAdded']) },
};

export interface ContactChildArgs {
  contactId: string;
}

const childSource = (resource: WatchedResource, list: (call: GhlCallContext, contactId: string) => Promise<unknown[]>): PollSource<ContactChildArgs> => ({
  resource,
  idOf,
  list: async (call, args) => (await list(call, args.contactId)) as Item[],
  matches: (args, item) => item['contactId'] === undefined || item['contactId'] === args.contactId,
});

export const contactTaskSource = childSource('contactTask', getContactTasks);
export const contactNoteSource = childSource('contactNote', getContactNotes);
export const contactAppointmentSource = childSource('contactAppointment', getContactAppointments);

/** Businesses of a location, all pages. */
export const businessSource: PollSource<Record<string, never>> = {
  resource: 'business',
  idOf,
  list: (call) => allPages(async (skip, limit) => (await listBusinesses(call, { skip, limit })) as unknown as Item[]),
  matches: () => true,
};

export interface OpportunitiesArgs {
  pipelineId?: string | null;
  stageId?: string | null;
}

/** Opportunities of a pipeline or stage: the window of the 100 most recently updated, one call per poll. */
export const opportunitySource: PollSource<OpportunitiesArgs> = {
  resource: 'opportunity',
  idOf,
  async list(call, args) {
    const filters = [
      ...(args.pipelineId ? [{ field: 'pipeline_id', operator: 'eq' as const, value: args.pipelineId }] : []),
      ...(args.stageId ? [{ field: 'pipeline_stage_id', operator: 'eq' as const, value: args.stageId }] : []),
    ];
    const res = await searchOpportunities(call, {
      locationId: call.credential.locationId,
      query: '',
      limit: PAGE,
      page: 1,
      searchAfter: [],
      additionalDetails: { notes: false, tasks: false, calendarEvents: false, unReadConversations: false },
      ...(filters.length ? { filters } : {}),
      sort: [{ field: 'date_updated', direction: 'desc' }],
    });
    return res.opportunities as unknown as Item[];
  },
  matches: (args, item) => (!args.pipelineId || item['pipelineId'] === args.pipelineId) && (!args.stageId || item['pipelineStageId'] === args.stageId),
  window: { addedAt: (item) => time(item['createdAt']) },
};

export interface CalendarEventsArgs {
  calendarId?: string | null;
  userId?: string | null;
  groupId?: string | null;
  startTime: number;
  endTime: number;
}

/** Events of a calendar, user or group in a time window: the whole window, one call per poll. */
export const calendarEventSource: PollSource<CalendarEventsArgs> = {
  resource: 'calendarEvent',
  idOf,
  list: async (call, args) =>
    (await listCalendarEvents(call, {
      startTime: args.startTime,
      endTime: args.endTime,
      ...(args.calendarId ? { calendarId: args.calendarId } : {}),
      ...(args.userId ? { userId: args.userId } : {}),
      ...(args.groupId ? { groupId: args.groupId } : {}),
    })) as unknown as Item[],
  matches(args, item) {
    const start = time(item['startTime']);
    if (start !== null && (start < args.startTime || start > args.endTime)) return false;
    if (args.calendarId && item['calendarId'] !== args.calendarId) return false;
    if (args.groupId && item['groupId'] !== undefined && item['groupId'] !== args.groupId) return false;
    if (args.userId && item['assignedUserId'] !== undefined && item['assignedUserId'] !== args.userId) return false;
    return true;
  },
};

export interface ConversationsArgs {
  contactId?: string | null;
}

/** Conversations, most recent message first: the window of the 100 latest, one call per poll. */
export const conversationSource: PollSource<ConversationsArgs> = {
  resource: 'conversation',
  idOf,
  list: async (call, args) =>
    (await searchConversations(call, { limit: PAGE, sort: 'desc', sortBy: 'last_message_date', ...(args.contactId ? { contactId: args.contactId } : {}) })).conversations as unknown as Item[],
  matches: (args, item) => !args.contactId || item['contactId'] === args.contactId,
  window: { addedAt: (item) => time(item['dateAdded']) ?? (typeof item['dateAdded'] === 'number' ? item['dateAdded'] : null) },
};

export interface ConversationMessagesArgs {
  conversationId: string;
}

/** Messages of a conversation: the 100 newest, one call per poll. */
export const conversationMessageSource: PollSource<ConversationMessagesArgs> = {
  resource: 'conversationMessage',
  idOf,
  list: async (call, args) => (await getConversationMessages(call, { conversationId: args.conversationId, limit: PAGE })).messages as unknown as Item[],
  matches: (args, item) => item['conversationId'] === args.conversationId,
  window: { addedAt: (item) => time(item['dateAdded']) },
};

/** Users of the location: the whole list (`GET /users/`), one call per poll. */
export const userSource: PollSource<Record<string, never>> = {
  resource: 'user',
  idOf,
  list: async (call) => (await getLocationUsers(call, call.credential.locationId)) as unknown as Item[],
  matches: () => true,
};
