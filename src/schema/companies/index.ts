// The companies domain: types and queries are imported here, one line each.
import './types.js';
import './queries.js';
