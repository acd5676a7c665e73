import type { GraphQLContext } from '../../context.js';
import { invalidate } from '../../loaders/invalidate.js';
import type { StaleEntries } from '../../loaders/resources.js';

/** Invalidation from a resolver: the request's loaders and the tenant's cache entries. */
export function invalidateAfterWrite(ctx: GraphQLContext, change: StaleEntries): Promise<void> {
  return invalidate({ tenantKey: ctx.credential.tenantKey, fetcher: ctx.fetcher, loaders: ctx.loaders }, change);
}
