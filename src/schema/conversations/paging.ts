import type { GraphQLContext } from '../../context.js';
import type { ConversationSearchQuery, GhlConversationDetail, GhlConversationSummary, GhlMessage } from '../../ghl/endpoints/conversations.js';
import { badUserInput } from '../shared/errors.js';
import { decodeCursor, pageOf, pageSize, type ConnectionShape } from '../shared/pagination.js';
import { MESSAGE_LIST_FILTER } from './enums.js';

/**
 * The two connections of the domain. Their cursors hide GHL's own paging: the search's
 * `startAfterDate` (the sort value of the last conversation) and a conversation's `lastMessageId`.
 * Both guard against a cursor GHL does not move past: a page ending where the previous one ended
 * ends the list instead of looping.
 */

/**
 * A conversation as the graph holds it: GHL has two shapes of it (the search item and
 * `GET /conversations/{id}`), each with fields the other lacks. Whichever is missing is loaded
 * only when a field needs it.
 */
export interface ConversationNode {
  id: string;
  /** The search item; null when the search does not find it. */
  summary?: GhlConversationSummary | null;
  detail?: GhlConversationDetail;
}

/** Page sizes of conversations and of a conversation's messages (GHL's own maximum is 100). */
export const CONVERSATION_PAGE = { defaultSize: 20, maxSize: 100 };

export interface ConversationFilter {
  contactId?: string | null;
  assignedTo?: readonly string[] | null;
  followers?: readonly string[] | null;
  query?: string | null;
  status?: string | null;
  lastMessageType?: string | null;
  lastMessageDirection?: string | null;
  lastMessageAction?: string | null;
  lastMessageFrom?: Date | null;
  lastMessageTo?: Date | null;
}

export interface ConversationPageArgs {
  first?: number | null;
  after?: string | null;
  filter?: ConversationFilter | null;
  sortBy?: string | null;
  sortOrder?: string | null;
}

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;

function searchQuery(filter: ConversationFilter): ConversationSearchQuery {
  if (filter.lastMessageType === 'OTHER') throw badUserInput('`lastMessageType: OTHER` cannot be searched for; name a type.', { argument: 'filter.lastMessageType' });
  if (filter.lastMessageFrom && filter.lastMessageTo && filter.lastMessageFrom > filter.lastMessageTo) {
    throw badUserInput('`lastMessageFrom` must not be after `lastMessageTo`.', { argument: 'filter.lastMessageTo' });
  }
  return defined({
    contactId: filter.contactId ?? undefined,
    assignedTo: filter.assignedTo?.length ? filter.assignedTo.join(',') : undefined,
    followers: filter.followers?.length ? filter.followers.join(',') : undefined,
    query: filter.query ?? undefined,
    status: (filter.status ?? undefined) as ConversationSearchQuery['status'],
    lastMessageType: filter.lastMessageType ?? undefined,
    lastMessageDirection: (filter.lastMessageDirection ?? undefined) as ConversationSearchQuery['lastMessageDirection'],
    lastMessageAction: (filter.lastMessageAction ?? undefined) as ConversationSearchQuery['lastMessageAction'],
    startDate: filter.lastMessageFrom?.getTime(),
    endDate: filter.lastMessageTo?.getTime(),
  });
}

const asMs = (v: number | string | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'string' ? Date.parse(v) || undefined : undefined);

/** The value `startAfterDate` continues after: GHL's `sort`, else the date the list is sorted by. */
function sortValueOf(c: GhlConversationSummary, sortBy: string): number | undefined {
  return asMs(c.sort?.[0]) ?? asMs(sortBy === 'last_manual_message_date' ? c.lastManualMessageDate : c.lastMessageDate);
}

export async function conversationPage(ctx: GraphQLContext, args: ConversationPageArgs, fixed: { contactId?: string } = {}): Promise<ConnectionShape<ConversationNode>> {
  const limit = pageSize(args.first, CONVERSATION_PAGE);
  const position = args.after ? decodeCursor(args.after) : null;
  const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
  const sortBy = args.sortBy ?? 'last_message_date';
  const query: ConversationSearchQuery = {
    ...searchQuery(args.filter ?? {}),
    ...fixed,
    sort: (args.sortOrder ?? 'desc') as 'asc' | 'desc',
    sortBy: sortBy as ConversationSearchQuery['sortBy'],
    limit,
    ...(typeof position?.['d'] === 'number' ? { startAfterDate: position['d'] } : {}),
  };
  const result = await ctx.loaders.conversationSearch.load(query);
  const repeated = position !== null && result.conversations.at(-1)?.id === position['id'];
  const items = repeated ? [] : result.conversations;
  const last = items.at(-1);
  const nodes = items.map((c): ConversationNode => ({ id: c.id, summary: c }));
  return pageOf(nodes, (node, i) => ({ d: sortValueOf(items[i]!, sortBy), id: node.id, o: offset + i + 1 }), {
    hasNextPage: last !== undefined && items.length === limit && offset + items.length < result.total && sortValueOf(last, sortBy) !== undefined,
    hasPreviousPage: offset > 0,
    totalCount: result.total,
  });
}

export async function messagePage(ctx: GraphQLContext, conversationId: string, args: { first?: number | null; after?: string | null; type?: string | null }): Promise<ConnectionShape<GhlMessage>> {
  const limit = pageSize(args.first, CONVERSATION_PAGE);
  const position = args.after ? decodeCursor(args.after) : null;
  const lastMessageId = typeof position?.['m'] === 'string' ? position['m'] : undefined;
  const offset = typeof position?.['o'] === 'number' ? position['o'] : 0;
  const type = args.type ? MESSAGE_LIST_FILTER.get(args.type) : undefined;
  if (args.type && !type) throw badUserInput(`Messages cannot be filtered by type ${args.type.replace(/^TYPE_/, '')}; GHL filters by ${[...MESSAGE_LIST_FILTER.keys()].map((t) => t.replace(/^TYPE_/, '')).join(', ')}.`, { argument: 'type' });
  const page = await ctx.loaders.conversationMessages.load({ conversationId, limit, ...(lastMessageId ? { lastMessageId } : {}), ...(type ? { type } : {}) });
  const repeated = lastMessageId !== undefined && page.lastMessageId === lastMessageId;
  const messages = repeated ? [] : page.messages;
  return pageOf(messages, (node, i) => ({ m: node.id, o: offset + i + 1 }), { hasNextPage: page.nextPage && messages.length > 0, hasPreviousPage: offset > 0, totalCount: null });
}
