import type { GhlCallContext } from '../ghl/endpoints/types.js';
import { listBusinesses } from '../ghl/endpoints/businesses.js';
import { getContactAppointments, getContactNotes, getContactTasks, searchContacts } from '../ghl/endpoints/contacts.js';
import type { PollSource } from './poller.js';

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

const childSource = (resource: string, list: (call: GhlCallContext, contactId: string) => Promise<unknown[]>): PollSource<ContactChildArgs> => ({
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
