// The custom-fields domain: types, queries and links are imported here, one line each.
import './types.js';
import './queries.js';
import './links.js';
