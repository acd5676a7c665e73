import type { ContactSearchBody } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { badUserInput } from '../shared/errors.js';

/**
 * Typed filter and sort for `contacts`, mapped onto the advanced-search body's `filters[]` and
 * `sort[]`. The spec leaves that body empty; the fields, operators and sort keys used here are the
 * ones recorded in src/simulator/ASSUMPTIONS.md (E1–E4) and served by the simulator.
 */

type Filter = NonNullable<ContactSearchBody['filters']>[number];
type Sort = NonNullable<ContactSearchBody['sort']>[number];

export const ContactSortField = describedEnum('ContactSortField', 'What contacts can be ordered by.', {
  DATE_ADDED: ['dateAdded', 'When the contact was created.'],
  DATE_UPDATED: ['dateUpdated', 'When the contact last changed.'],
  FIRST_NAME: ['firstNameLowerCase', 'First name, ignoring case.'],
  LAST_NAME: ['lastNameLowerCase', 'Last name, ignoring case.'],
  FULL_NAME: ['fullNameLowerCase', 'Full name, ignoring case.'],
  EMAIL: ['email', 'Email address, ignoring case.'],
});

export const ContactSortDirection = describedEnum('ContactSortDirection', 'Ascending or descending.', {
  ASC: ['asc', 'Smallest (oldest, A) first.'],
  DESC: ['desc', 'Largest (newest, Z) first.'],
});

export const ContactSortInput = builder.inputType('ContactSortInput', {
  description: 'One sort key. Ties are always broken by contact id, so paging never repeats or skips.',
  fields: (t) => ({
    field: t.field({ type: ContactSortField, required: true, description: 'The key to sort by.' }),
    direction: t.field({ type: ContactSortDirection, description: 'The direction. Default `DESC`.' }),
  }),
});

export const ContactDateRangeInput = builder.inputType('ContactDateRangeInput', {
  description: 'A span of time; either end may be left open. Both ends are included.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Earliest instant included.' }),
    to: t.field({ type: 'DateTime', description: 'Latest instant included.' }),
  }),
});

export const ContactFilterInput = builder.inputType('ContactFilterInput', {
  description: 'Conditions a contact must all meet (AND). Text compares ignore case.',
  fields: (t) => ({
    tags: t.stringList({ description: 'The contact has every one of these tags.' }),
    withoutTags: t.stringList({ description: 'The contact has none of these tags.' }),
    email: t.string({ description: 'The contact has exactly this email address.' }),
    phone: t.string({ description: 'The contact has exactly this phone number (E.164, e.g. `+14155550123`).' }),
    hasEmail: t.boolean({ description: 'true: the contact has an email address; false: it has none.' }),
    hasPhone: t.boolean({ description: 'true: the contact has a phone number; false: it has none.' }),
    assignedTo: t.id({ description: 'The contact is owned by this GHL user.' }),
    followedBy: t.id({ description: 'This GHL user follows the contact.' }),
    businessId: t.id({ description: 'The contact belongs to this business.' }),
    dnd: t.boolean({ description: 'The contact is (true) or is not (false) on do-not-disturb.' }),
    source: t.string({ description: 'The contact came from this source (e.g. `form`).' }),
    dateAdded: t.field({ type: ContactDateRangeInput, description: 'The contact was created within this span.' }),
    dateUpdated: t.field({ type: ContactDateRangeInput, description: 'The contact last changed within this span.' }),
  }),
});

interface DateRange {
  from?: Date | null;
  to?: Date | null;
}

export interface ContactFilter {
  tags?: string[] | null;
  withoutTags?: string[] | null;
  email?: string | null;
  phone?: string | null;
  hasEmail?: boolean | null;
  hasPhone?: boolean | null;
  assignedTo?: string | null;
  followedBy?: string | null;
  businessId?: string | null;
  dnd?: boolean | null;
  source?: string | null;
  dateAdded?: DateRange | null;
  dateUpdated?: DateRange | null;
}

/** The search accepts at most this many filters and sort keys (ASSUMPTIONS.md E1). */
const MAX_FILTERS = 50;
const MAX_SORT_KEYS = 3;

function rangeFilter(field: 'dateAdded' | 'dateUpdated', range: DateRange | null | undefined): Filter[] {
  if (!range || (!range.from && !range.to)) return [];
  if (range.from && range.to && range.from.getTime() > range.to.getTime()) {
    throw badUserInput(`\`filter.${field}.from\` must not be after \`to\`.`, { argument: 'filter' });
  }
  return [{ field, operator: 'range', value: { ...(range.from ? { gte: range.from.toISOString() } : {}), ...(range.to ? { lte: range.to.toISOString() } : {}) } }];
}

function present(field: string, wanted: boolean | null | undefined): Filter[] {
  return wanted === null || wanted === undefined ? [] : [{ field, operator: wanted ? 'exists' : 'not_exists' }];
}

function equals(field: string, value: string | boolean | null | undefined): Filter[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' && !value.trim()) throw badUserInput(`\`filter\` values must not be blank (${field}).`, { argument: 'filter' });
  return [{ field, operator: 'eq', value: typeof value === 'string' ? value.trim() : value }];
}

/** `filter` → `filters[]`; a contradiction or a blank value is refused before any call. */
export function searchFilters(filter: ContactFilter | null | undefined): Filter[] {
  if (!filter) return [];
  const filters: Filter[] = [
    ...(filter.tags ?? []).flatMap((tag) => equals('tags', tag)),
    ...(filter.withoutTags ?? []).flatMap((tag) => equals('tags', tag).map((f) => ({ ...f, operator: 'not_eq' }))),
    ...equals('email', filter.email),
    ...equals('phone', filter.phone),
    ...present('email', filter.hasEmail),
    ...present('phone', filter.hasPhone),
    ...equals('assignedTo', filter.assignedTo),
    ...equals('followers', filter.followedBy),
    ...equals('businessId', filter.businessId),
    ...equals('dnd', filter.dnd),
    ...equals('source', filter.source),
    ...rangeFilter('dateAdded', filter.dateAdded),
    ...rangeFilter('dateUpdated', filter.dateUpdated),
  ];
  if (filters.length > MAX_FILTERS) throw badUserInput(`\`filter\` makes ${filters.length} conditions; GHL takes at most ${MAX_FILTERS}.`, { argument: 'filter' });
  return filters;
}

/** `sort` → `sort[]`; at most three keys, each once. */
export function searchSort(sort: readonly { field: Sort['field']; direction?: Sort['direction'] | null }[] | null | undefined): Sort[] {
  if (!sort || sort.length === 0) return [];
  if (sort.length > MAX_SORT_KEYS) throw badUserInput(`\`sort\` takes at most ${MAX_SORT_KEYS} keys.`, { argument: 'sort' });
  if (new Set(sort.map((s) => s.field)).size !== sort.length) throw badUserInput('`sort` names a key twice.', { argument: 'sort' });
  return sort.map((s) => ({ field: s.field, direction: s.direction ?? 'desc' }));
}
