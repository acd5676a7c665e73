/**
 * Cost ceilings wide enough for tests about loader deduplication, whose deep graphs have a worst
 * case (every row a distinct key) far above what they really cost. The limits have their own tests.
 */
export const WIDE_COST_CEILINGS = { GRAPHQL_MAX_UPSTREAM_CALLS: '100000', GRAPHQL_MAX_RESULT_OBJECTS: '1000000' };
