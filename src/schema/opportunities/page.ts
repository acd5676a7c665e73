import type { GraphQLContext } from '../../context.js';
import type { GhlOpportunity, OpportunitySearchBody, OpportunitySearchFilter } from '../../ghl/endpoints/opportunities.js';
import { NO_DETAILS } from '../../loaders/opportunities.js';
import { badUserInput } from '../shared/errors.js';
import { decodeCursor, pageOf, pageSize, type ConnectionShape } from '../shared/pagination.js';

/**
 * One page of `POST /opportunities/search` as a Relay connection. The cursor carries GHL's
 * `searchAfter` (the last hit's sort values and id), the running offset for `hasPreviousPage`,
 * the sort it belongs to, and the last id, so a page that repeats the previous one ends the list.
 */

/** Sort orders the search supports: GHL's field and direction, and what the order means. */
export const SORTS = {
  CREATED_AT_DESC: { field: 'date_added', direction: 'desc', about: 'Newest first (the default).' },
  CREATED_AT_ASC: { field: 'date_added', direction: 'asc', about: 'Oldest first.' },
  UPDATED_AT_DESC: { field: 'date_updated', direction: 'desc', about: 'Most recently changed first.' },
  UPDATED_AT_ASC: { field: 'date_updated', direction: 'asc', about: 'Least recently changed first.' },
  MONETARY_VALUE_DESC: { field: 'monetary_value', direction: 'desc', about: 'Largest deals first.' },
  MONETARY_VALUE_ASC: { field: 'monetary_value', direction: 'asc', about: 'Smallest deals first.' },
  LAST_STAGE_CHANGE_AT_DESC: { field: 'last_stage_change_at', direction: 'desc', about: 'Most recently moved between stages first.' },
  LAST_STATUS_CHANGE_AT_DESC: { field: 'last_status_change_at', direction: 'desc', about: 'Most recent status change first.' },
} as const;
export type SortName = keyof typeof SORTS;

/** Page sizes of opportunity lists (GHL's search takes at most 100). */
export const OPPORTUNITY_PAGE = { defaultSize: 20, maxSize: 100 };

export interface OpportunityQuery {
  first?: number | null;
  after?: string | null;
  sort?: SortName | null;
  query?: string | null;
  filters: OpportunitySearchFilter[];
}

export async function opportunityPage(ctx: GraphQLContext, q: OpportunityQuery): Promise<ConnectionShape<GhlOpportunity>> {
  const limit = pageSize(q.first, OPPORTUNITY_PAGE);
  const sortName: SortName = q.sort ?? 'CREATED_AT_DESC';
  const position = q.after ? decodeCursor(q.after) : null;
  if (position && position['s'] !== sortName) throw badUserInput('The `after` cursor belongs to another sort order.', { argument: 'after' });
  const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
  const searchAfter = Array.isArray(position?.['sa']) ? (position['sa'] as string[]) : [];
  const body: OpportunitySearchBody = {
    locationId: ctx.credential.locationId,
    query: q.query ?? '',
    limit,
    page: 1,
    searchAfter,
    additionalDetails: NO_DETAILS,
    ...(q.filters.length ? { filters: q.filters } : {}),
    sort: [{ field: SORTS[sortName].field, direction: SORTS[sortName].direction }],
  };
  const result = await ctx.loaders.opportunitySearch.load(body);
  // An upstream that ignored searchAfter would hand back the page we already had: stop there.
  const repeated = position?.['id'] !== undefined && result.opportunities.at(-1)?.id === position['id'];
  const nodes = repeated ? [] : result.opportunities;
  return pageOf(nodes, (node, i) => ({ s: sortName, sa: node.searchAfter ?? [], o: offset + i + 1, id: node.id }), {
    hasNextPage: !repeated && nodes.length === limit && offset + nodes.length < result.total,
    hasPreviousPage: offset > 0,
    totalCount: result.total,
  });
}

/** Equality filters for the given values; absent values filter nothing. */
export function eqFilters(values: Record<string, string | null | undefined>): OpportunitySearchFilter[] {
  return Object.entries(values).flatMap(([field, value]) => (value === null || value === undefined ? [] : [{ field, operator: 'eq' as const, value }]));
}
