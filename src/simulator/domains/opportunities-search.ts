import type { OpportunitySearchBody as WireOpportunitySearchBody } from '../../ghl/openapi/wire.js';
import { unprocessable } from '../errors.js';
import type { ContactRecord } from '../store.js';
import type { OpportunityRecord } from './opportunities-state.js';

/**
 * `POST /opportunities/search`. The spec's body (`OpportunitySearchBodyDTO`) requires
 * `locationId, query, limit, page, searchAfter, additionalDetails` and declares no filters; the
 * `filters` and `sort` here follow GHL's advanced-search guide (the spec's externalDocs link), as
 * recorded in ASSUMPTIONS.md (Opportunities). The order is total (sort values, then id), so
 * `searchAfter` paging never skips or repeats an opportunity, even across writes.
 */

/** The spec's body plus GHL's `filters`/`sort` (src/ghl/openapi/wire.ts); they are checked here, so unknown first. */
export type OpportunitySearchBody = Omit<WireOpportunitySearchBody, 'filters' | 'sort'> & { filters?: unknown; sort?: unknown };

export interface OpportunitySearchHit {
  opportunity: OpportunityRecord;
  /** Sort values then id, as strings (the body's `searchAfter` is a string array). */
  searchAfter: string[];
}

type Value = string | number | string[] | undefined;
const ms = (iso: string): number => Date.parse(iso);

/** Filterable fields, named as in GHL's guide (snake_case). */
const FIELDS: Record<string, (o: OpportunityRecord) => Value> = {
  id: (o) => o.id,
  status: (o) => o.status,
  pipeline_id: (o) => o.pipelineId,
  pipeline_stage_id: (o) => o.pipelineStageId,
  contact_id: (o) => o.contactId,
  assigned_to: (o) => o.assignedTo,
  source: (o) => o.source,
  followers: (o) => o.followers,
  monetary_value: (o) => o.monetaryValue,
  date_added: (o) => ms(o.createdAt),
  date_updated: (o) => ms(o.updatedAt),
  last_status_change_at: (o) => ms(o.lastStatusChangeAt),
  last_stage_change_at: (o) => ms(o.lastStageChangeAt),
};
const NUMERIC = new Set(['monetary_value', 'date_added', 'date_updated', 'last_status_change_at', 'last_stage_change_at']);
const OPERATORS = ['eq', 'not_eq', 'exists', 'not_exists', 'range'] as const;
export const SORT_FIELDS = ['date_added', 'date_updated', 'monetary_value', 'last_status_change_at', 'last_stage_change_at'] as const;
const MAX_LIMIT = 500;
/** Page-based paging stops here (Elasticsearch's default window); deeper needs searchAfter. */
const MAX_WINDOW = 10_000;

type Filter = { field: string; operator: (typeof OPERATORS)[number]; value?: unknown } | { group: 'AND' | 'OR'; filters: Filter[] };
type Sort = { field: (typeof SORT_FIELDS)[number]; direction: 'asc' | 'desc' };

export function searchOpportunities(records: readonly OpportunityRecord[], contactOf: (id: string) => ContactRecord | undefined, body: OpportunitySearchBody): { hits: OpportunitySearchHit[]; total: number } {
  const errors: string[] = [];
  const filters = checkFilters(body.filters, 'filters', errors);
  const sort = checkSort(body.sort, errors);
  if (!Number.isInteger(body.limit) || body.limit < 1 || body.limit > MAX_LIMIT) errors.push(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  if (!Number.isInteger(body.page) || body.page < 1) errors.push('page must be an integer not less than 1');
  else if (body.searchAfter.length > 0 && body.page !== 1) errors.push('page must be 1 when searchAfter is given');
  else if (body.page * body.limit > MAX_WINDOW) errors.push(`page * limit must not exceed ${MAX_WINDOW}; use searchAfter to go deeper`);
  const after = body.searchAfter.length > 0 ? checkSearchAfter(body.searchAfter, sort, errors) : null;
  if (errors.length) throw unprocessable(errors);

  const keyOf = (o: OpportunityRecord): (number | string)[] => [...sort.map((s) => (FIELDS[s.field]?.(o) as number | undefined) ?? 0), o.id];
  const compare = (a: (number | string)[], b: (number | string)[]): number => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as number | string;
      const y = b[i] as number | string;
      if (x === y) continue;
      const d = x < y ? -1 : 1;
      return sort[i]?.direction === 'desc' ? -d : d;
    }
    return 0;
  };
  const keyed = records
    .filter((o) => matchesQuery(o, contactOf(o.contactId), body.query) && filters.every((f) => matches(o, f)))
    .map((o) => ({ o, key: keyOf(o) }))
    .sort((a, b) => compare(a.key, b.key));
  const start = after ? keyed.findIndex((k) => compare(k.key, after) > 0) : (body.page - 1) * body.limit;
  const page = start < 0 ? [] : keyed.slice(start, start + body.limit);
  return { hits: page.map(({ o, key }) => ({ opportunity: o, searchAfter: key.map(String) })), total: keyed.length };
}

/** Name of the opportunity, or the contact's name, email, company or phone digits. */
function matchesQuery(o: OpportunityRecord, contact: ContactRecord | undefined, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const texts = [o.name, contact?.firstName, contact?.lastName, [contact?.firstName, contact?.lastName].filter(Boolean).join(' '), contact?.email, contact?.companyName];
  if (texts.some((t) => t?.toLowerCase().includes(q))) return true;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 3 && (contact?.phone?.replace(/\D/g, '').includes(digits) ?? false);
}

function matches(o: OpportunityRecord, f: Filter): boolean {
  if ('group' in f) return f.group === 'OR' ? f.filters.some((g) => matches(o, g)) : f.filters.every((g) => matches(o, g));
  const actual = FIELDS[f.field]?.(o);
  const present = actual !== undefined && actual !== '' && !(Array.isArray(actual) && actual.length === 0);
  const equals = (v: unknown): boolean => (Array.isArray(actual) ? actual.includes(String(v)) : NUMERIC.has(f.field) ? actual === toNumber(v) : actual === v);
  switch (f.operator) {
    case 'exists':
      return present;
    case 'not_exists':
      return !present;
    case 'eq':
      return equals(f.value);
    case 'not_eq':
      return !equals(f.value);
    case 'range': {
      if (typeof actual !== 'number') return false;
      const r = f.value as Record<string, unknown>;
      const bound = (k: string): number | undefined => (r[k] === undefined ? undefined : toNumber(r[k]));
      const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
      return (gt === undefined || actual > gt) && (gte === undefined || actual >= gte) && (lt === undefined || actual < lt) && (lte === undefined || actual <= lte);
    }
  }
}

/** Numbers, numeric strings, or ISO dates (as epoch ms). */
function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return typeof v === 'string' ? Date.parse(v) : Number.NaN;
}

function checkFilters(raw: unknown, at: string, errors: string[]): Filter[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push(`${at} must be an array`);
    return [];
  }
  return raw.flatMap((f: unknown, i): Filter[] => {
    const path = `${at}.${i}`;
    if (!f || typeof f !== 'object') {
      errors.push(`${path} must be an object`);
      return [];
    }
    const o = f as Record<string, unknown>;
    if ('group' in o) {
      if (o['group'] !== 'AND' && o['group'] !== 'OR') errors.push(`${path}.group must be one of the following values: AND, OR`);
      return [{ group: o['group'] as 'AND' | 'OR', filters: checkFilters(o['filters'] ?? [], `${path}.filters`, errors) }];
    }
    if (typeof o['field'] !== 'string' || !(o['field'] in FIELDS)) errors.push(`${path}.field must be one of the following values: ${Object.keys(FIELDS).join(', ')}`);
    if (!OPERATORS.includes(o['operator'] as never)) errors.push(`${path}.operator must be one of the following values: ${OPERATORS.join(', ')}`);
    if ((o['operator'] === 'eq' || o['operator'] === 'not_eq') && (o['value'] === undefined || o['value'] === null)) errors.push(`${path}.value should not be empty`);
    if (o['operator'] === 'range' && (typeof o['value'] !== 'object' || o['value'] === null)) errors.push(`${path}.value must be an object with gt, gte, lt or lte`);
    return [o as Filter];
  });
}

function checkSort(raw: unknown, errors: string[]): Sort[] {
  if (raw === undefined) return [{ field: 'date_added', direction: 'desc' }];
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 3) {
    errors.push('sort must be an array of 1 to 3 items');
    return [];
  }
  raw.forEach((s: Record<string, unknown> | null, i) => {
    if (!SORT_FIELDS.includes(s?.['field'] as never)) errors.push(`sort.${i}.field must be one of the following values: ${SORT_FIELDS.join(', ')}`);
    if (s?.['direction'] !== 'asc' && s?.['direction'] !== 'desc') errors.push(`sort.${i}.direction must be one of the following values: asc, desc`);
  });
  return raw as Sort[];
}

/** `searchAfter` holds the sort values (numbers as strings) and then the id of the last hit. */
function checkSearchAfter(raw: string[], sort: Sort[], errors: string[]): (number | string)[] | null {
  if (raw.length !== sort.length + 1) {
    errors.push(`searchAfter must hold ${sort.length + 1} values: the sort values and the id of the last opportunity`);
    return null;
  }
  const values = raw.slice(0, -1).map(Number);
  if (values.some((v) => Number.isNaN(v))) {
    errors.push('searchAfter sort values must be numbers');
    return null;
  }
  return [...values, raw.at(-1) as string];
}
