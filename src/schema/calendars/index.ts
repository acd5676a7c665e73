// The calendars domain: types, queries and mutations are imported here, one line each.
import './enums.js';
import './types.js';
import './notification-types.js';
import './resource-types.js';
import './queries.js';
import './links.js';
import './mutations-groups.js';
import './mutations-calendars.js';
import './mutations-events.js';
import './mutations-notifications.js';
import './mutations-resources.js';
