import './types.js';
import './queries.js';
import './legacy-list.js';
import './by-business.js';
import './mutations.js';
import './tags.js';
import './followers.js';
