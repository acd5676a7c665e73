import type { GraphQLContext } from '../../context.js';
import type { ConnectionShape } from '../shared/pagination.js';
import { offsetConnection } from '../shared/offset-connection.js';
import type { RelationView } from './types.js';

/** GHL documents no maximum for the relations page; this is the gateway's. */
export const RELATIONS_PAGE = { defaultSize: 20, maxSize: 100 };

/**
 * A page of a record's relations, each marked with the record it was listed for (so
 * `Relation.otherRecord` knows which side is "other"). Shared by `relations(recordId)` and
 * `Contact.relations`; both read through the `recordRelations` loader.
 */
export function recordRelationsConnection(
  ctx: GraphQLContext,
  recordId: string,
  args: { first?: number | null; after?: string | null; associationId?: string | null },
): Promise<ConnectionShape<RelationView>> {
  return offsetConnection<RelationView>(args, {
    ...RELATIONS_PAGE,
    idOf: (r) => r.id,
    fetch: async ({ offset, limit }) => {
      const page = await ctx.loaders.recordRelations.load({ recordId, skip: offset, limit, ...(args.associationId ? { associationId: args.associationId } : {}) });
      return { items: page.items.map((r) => ({ ...r, viewedFrom: recordId })), total: page.total };
    },
  });
}
