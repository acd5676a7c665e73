import { unprocessable } from '../errors.js';
import type { ContactRecord } from '../store.js';
import { oneOfParam } from './companies-access.js';
import { intInRange } from '../params.js';
import type { OpportunityRecord } from './opportunities-state.js';

/**
 * `GET /opportunities/search`: the query-string search the official SDK's `searchOpportunity`
 * calls (ASSUMPTIONS.md O13). Filters combine with AND; the order is total (date added, then id),
 * so the `startAfter`/`startAfterId` cursor in `meta` never skips or repeats an opportunity.
 */

export interface OpportunityListPage {
  hits: OpportunityRecord[];
  meta: {
    total: number;
    nextPageUrl?: string;
    startAfterId?: string;
    startAfter?: number;
    currentPage: number;
    nextPage?: number;
    prevPage?: number;
  };
}

const ORDERS = ['added_desc', 'added_asc'] as const;
const STATUSES = ['open', 'won', 'lost', 'abandoned', 'all'] as const;
const DAY_MS = 86_400_000;

/** `mm-dd-yyyy`, the spec's example format, as the UTC day it names: [start, end) in ms. */
function dayParam(value: unknown, name: string): { start: number; end: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(String(value));
  const start = m ? Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) : Number.NaN;
  if (!m || Number.isNaN(start) || new Date(start).getUTCDate() !== Number(m[2])) throw unprocessable([`${name} must be a date in mm-dd-yyyy format`]);
  return { start, end: start + DAY_MS };
}

const text = (v: unknown): string | undefined => (v === undefined || v === '' ? undefined : String(v));

export function listOpportunities(records: readonly OpportunityRecord[], contactOf: (id: string) => ContactRecord | undefined, query: Record<string, unknown>): OpportunityListPage {
  const limit = intInRange(query['limit'], 'limit', 20, 1, 100);
  const page = intInRange(query['page'], 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  const order = oneOfParam(query['order'], 'order', ORDERS, 'added_desc');
  const status = oneOfParam(query['status'], 'status', STATUSES, 'all');
  const from = dayParam(query['date'], 'date');
  const to = dayParam(query['endDate'], 'endDate');
  const startAfterRaw = text(query['startAfter']);
  const startAfter = startAfterRaw === undefined ? undefined : Number(startAfterRaw);
  if (startAfter !== undefined && !Number.isFinite(startAfter)) throw unprocessable(['startAfter must be a number (epoch ms)']);
  const startAfterId = text(query['startAfterId']);

  const q = text(query['q'])?.trim().toLowerCase();
  const exact: [string, (o: OpportunityRecord) => string | undefined][] = [
    ['id', (o) => o.id],
    ['pipeline_id', (o) => o.pipelineId],
    ['pipeline_stage_id', (o) => o.pipelineStageId],
    ['contact_id', (o) => o.contactId],
    ['assigned_to', (o) => o.assignedTo],
  ];
  const country = text(query['country'])?.toLowerCase();
  // Opportunities here carry no campaign, so a campaign filter matches none of them.
  const campaignId = text(query['campaignId']);

  const direction = order === 'added_asc' ? 1 : -1;
  const added = (o: OpportunityRecord): number => Date.parse(o.createdAt);
  const all = records
    .filter((o) => {
      if (status !== 'all' && o.status !== status) return false;
      if (exact.some(([name, get]) => text(query[name]) !== undefined && get(o) !== text(query[name]))) return false;
      if (campaignId !== undefined) return false;
      if (from && added(o) < from.start) return false;
      if (to && added(o) >= to.end) return false;
      const contact = contactOf(o.contactId);
      if (country && contact?.country?.toLowerCase() !== country) return false;
      return q ? matchesText(o, contact, q) : true;
    })
    .sort((a, b) => direction * (added(a) - added(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let start = (page - 1) * limit;
  if (startAfterId !== undefined || startAfter !== undefined) {
    const at = startAfterId === undefined ? -1 : all.findIndex((o) => o.id === startAfterId);
    // An unknown (e.g. deleted) id falls back to the time: continue past everything added at or before it.
    start = at >= 0 ? at + 1 : all.findIndex((o) => startAfter !== undefined && direction * (added(o) - startAfter) > 0);
    if (start < 0) start = all.length;
  }
  const hits = all.slice(start, start + limit);
  const last = hits.at(-1);
  const hasNext = last !== undefined && start + limit < all.length;
  const currentPage = Math.floor(start / limit) + 1;
  const cursor = last ? { startAfterId: last.id, startAfter: added(last) } : {};
  const nextQuery = hasNext ? new URLSearchParams({ ...stringsOf(query), limit: String(limit), startAfterId: last.id, startAfter: String(added(last)) }) : null;
  nextQuery?.delete('page');
  return {
    hits,
    meta: {
      total: all.length,
      ...(nextQuery ? { nextPageUrl: `/opportunities/search?${nextQuery}` } : {}),
      ...cursor,
      currentPage,
      ...(hasNext ? { nextPage: currentPage + 1 } : {}),
      ...(currentPage > 1 ? { prevPage: currentPage - 1 } : {}),
    },
  };
}

/** The opportunity name, or the contact's name, email or company (substring), or phone digits (3 or more). */
function matchesText(o: OpportunityRecord, contact: ContactRecord | undefined, q: string): boolean {
  const texts = [o.name, contact?.firstName, contact?.lastName, [contact?.firstName, contact?.lastName].filter(Boolean).join(' '), contact?.email, contact?.companyName];
  if (texts.some((t) => t?.toLowerCase().includes(q))) return true;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 3 && (contact?.phone?.replace(/\D/g, '').includes(digits) ?? false);
}

function stringsOf(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '' && typeof v !== 'object').map(([k, v]) => [k, String(v)]));
}
