// The locations domain: types, queries and mutations are imported here, one line each.
import './types.js';
import './queries.js';
import './mutations.js';
import './rate-budget.js';
