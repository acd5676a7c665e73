import type { Stack } from '../helpers/stack.js';

/**
 * One step of the catalog coverage run: GraphQL operations that, together, reach the listed GHL
 * operations (`METHOD path`, exactly as in operations.json) with a 2xx answer. `run` throws on any
 * GraphQL error or user error, so a case can only pass by really succeeding.
 */
export interface CoverageCase {
  name: string;
  operations: string[];
  run(stack: Stack): Promise<void>;
}
