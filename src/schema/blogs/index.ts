// The blogs domain: types, queries and mutations, one line each.
import './types.js';
import './queries.js';
import './mutations.js';
