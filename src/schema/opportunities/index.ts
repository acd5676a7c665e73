// The opportunities domain: types, queries and mutations are imported here, one line each.
import './types.js';
import './queries.js';
import './connected.js';
import './mutations.js';
import './upsert.js';
import './followers.js';
