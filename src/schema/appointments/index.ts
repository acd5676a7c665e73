import './types.js';
import './links.js';
import './queries.js';
import './mutations.js';
