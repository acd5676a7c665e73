import { unprocessable } from './errors.js';
import type { ContactRecord } from './store.js';
import { SEARCH_MAX_WINDOW, type SEARCH_FILTER_FIELDS, type SEARCH_FILTER_OPERATORS, type SEARCH_SORT_FIELDS } from './supplements.js';

/**
 * `POST /contacts/search` (advanced search). The spec leaves the body empty; the body and paging
 * here follow GHL's advanced-search guide as recorded in ASSUMPTIONS.md. The order is total
 * (sort fields, then id) so `searchAfter` paging never skips or repeats a contact.
 */

type FilterField = (typeof SEARCH_FILTER_FIELDS)[number];
type FilterOperator = (typeof SEARCH_FILTER_OPERATORS)[number];
type SortField = (typeof SEARCH_SORT_FIELDS)[number];
type Scalar = string | number | boolean;

export interface SearchFilter {
  field: FilterField;
  operator: FilterOperator;
  value?: unknown;
}

export interface SearchSort {
  field: SortField;
  direction: 'asc' | 'desc';
}

/** Already checked against `searchContactsBodySchema`. */
export interface SearchBody {
  locationId: string;
  query?: string;
  pageLimit?: number;
  page?: number;
  searchAfter?: (string | number)[];
  filters?: SearchFilter[];
  sort?: SearchSort[];
}

export interface SearchHit {
  contact: ContactRecord;
  /** Sort values then id: pass back as `searchAfter` to continue after this contact. */
  searchAfter: (string | number)[];
}

export const DEFAULT_PAGE_LIMIT = 20;
const DEFAULT_SORT: SearchSort[] = [{ field: 'dateAdded', direction: 'desc' }];
const DATE_FIELDS = new Set<string>(['dateAdded', 'dateUpdated']);

export function searchContacts(contacts: readonly ContactRecord[], body: SearchBody): { hits: SearchHit[]; total: number } {
  const errors = checkBody(body);
  if (errors.length) throw unprocessable(errors);
  const sort = body.sort?.length ? body.sort : DEFAULT_SORT;
  const pageLimit = body.pageLimit ?? DEFAULT_PAGE_LIMIT;

  const matching = contacts.filter((c) => matchesQuery(c, body.query) && (body.filters ?? []).every((f) => matchesFilter(c, f)));
  const keyed = matching.map((c) => ({ contact: c, key: [...sort.map((s) => sortValue(c, s.field)), c.id] }));
  const compare = (a: (string | number)[], b: (string | number)[]): number => {
    for (let i = 0; i < sort.length; i++) {
      const d = cmp(a[i] as string | number, b[i] as string | number);
      if (d !== 0) return sort[i]?.direction === 'desc' ? -d : d;
    }
    return cmp(a[sort.length] as string, b[sort.length] as string);
  };
  keyed.sort((a, b) => compare(a.key, b.key));

  let page: typeof keyed;
  if (body.searchAfter) {
    const after = body.searchAfter;
    const start = keyed.findIndex((k) => compare(k.key, after) > 0);
    page = start < 0 ? [] : keyed.slice(start, start + pageLimit);
  } else {
    const start = ((body.page ?? 1) - 1) * pageLimit;
    page = keyed.slice(start, start + pageLimit);
  }
  return { hits: page.map((k) => ({ contact: k.contact, searchAfter: k.key })), total: matching.length };
}

/** What the schema cannot say: combinations and value shapes. */
function checkBody(body: SearchBody): string[] {
  const errors: string[] = [];
  const sort = body.sort?.length ? body.sort : DEFAULT_SORT;
  if (body.page !== undefined && body.searchAfter !== undefined) errors.push('page and searchAfter cannot be used together');
  if (body.page !== undefined && body.page * (body.pageLimit ?? DEFAULT_PAGE_LIMIT) > SEARCH_MAX_WINDOW) {
    errors.push(`page * pageLimit must not be greater than ${SEARCH_MAX_WINDOW}; use searchAfter to go further`);
  }
  if (body.searchAfter) {
    const expected = [...sort.map((s) => (DATE_FIELDS.has(s.field) ? 'number' : 'string')), 'string'];
    if (body.searchAfter.length !== expected.length || body.searchAfter.some((v, i) => typeof v !== expected[i])) {
      errors.push(`searchAfter must be the searchAfter of the last contact of the previous page: [${[...sort.map((s) => s.field), 'id'].join(', ')}]`);
    }
  }
  (body.filters ?? []).forEach((f, i) => {
    const at = `filters.${i}.value`;
    if (f.operator === 'exists' || f.operator === 'not_exists') return;
    if (f.operator === 'range') {
      const v = f.value as Record<string, unknown> | undefined;
      const bounds = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
      if (bounds.length === 0 || bounds.some((b) => !['gt', 'gte', 'lt', 'lte'].includes(b) || !isScalar(v?.[b]))) errors.push(`${at} must be an object with gt, gte, lt and/or lte`);
      return;
    }
    if (!isScalar(f.value)) errors.push(`${at} must be a string, number or boolean`);
  });
  return errors;
}

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function matchesQuery(c: ContactRecord, query: string | undefined): boolean {
  const q = query?.trim().toLowerCase();
  if (!q) return true;
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ').toLowerCase();
  if (name.includes(q) || c.email?.toLowerCase().includes(q) || c.companyName?.toLowerCase().includes(q)) return true;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 3 && (c.phone ?? '').replace(/\D/g, '').includes(digits);
}

/** A field's values for matching: dates as epoch ms, arrays flattened, absent as []. */
function fieldValues(c: ContactRecord, field: FilterField): Scalar[] {
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  const raw: unknown =
    field === 'firstNameLowerCase'
      ? c.firstName?.toLowerCase()
      : field === 'lastNameLowerCase'
        ? c.lastName?.toLowerCase()
        : field === 'fullNameLowerCase'
          ? name.toLowerCase() || undefined
          : (c as unknown as Record<string, unknown>)[field];
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
  return list.map((v) => (DATE_FIELDS.has(field) ? Date.parse(String(v)) : (v as Scalar)));
}

function normalizeOperand(field: FilterField, v: unknown): Scalar {
  if (DATE_FIELDS.has(field)) return typeof v === 'number' ? v : Date.parse(String(v));
  return typeof v === 'string' ? v.toLowerCase() : (v as Scalar);
}

function matchesFilter(c: ContactRecord, f: SearchFilter): boolean {
  const values = fieldValues(c, f.field).map((v) => (typeof v === 'string' ? v.toLowerCase() : v));
  switch (f.operator) {
    case 'exists':
      return values.length > 0;
    case 'not_exists':
      return values.length === 0;
    case 'eq':
      return values.some((v) => v === normalizeOperand(f.field, f.value));
    case 'not_eq':
      return !values.some((v) => v === normalizeOperand(f.field, f.value));
    case 'contains':
      return values.some((v) => String(v).includes(String(normalizeOperand(f.field, f.value))));
    case 'not_contains':
      return !values.some((v) => String(v).includes(String(normalizeOperand(f.field, f.value))));
    case 'range': {
      const b = f.value as Partial<Record<'gt' | 'gte' | 'lt' | 'lte', unknown>>;
      const bound = (k: 'gt' | 'gte' | 'lt' | 'lte') => (b[k] === undefined ? undefined : normalizeOperand(f.field, b[k]));
      return values.some((v) => {
        const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
        return (gt === undefined || v > gt) && (gte === undefined || v >= gte) && (lt === undefined || v < lt) && (lte === undefined || v <= lte);
      });
    }
  }
}

function sortValue(c: ContactRecord, field: SortField): string | number {
  switch (field) {
    case 'dateAdded':
      return Date.parse(c.dateAdded);
    case 'dateUpdated':
      return Date.parse(c.dateUpdated);
    case 'firstNameLowerCase':
      return c.firstName?.toLowerCase() ?? '';
    case 'lastNameLowerCase':
      return c.lastName?.toLowerCase() ?? '';
    case 'fullNameLowerCase':
      return [c.firstName, c.lastName].filter(Boolean).join(' ').toLowerCase();
    case 'email':
      return c.email?.toLowerCase() ?? '';
  }
}

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
