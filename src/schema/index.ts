import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import { guardInputs } from './shared/input-guard.js';
import './shared/scalars.js';
import './shared/pagination.js';
import './tasks/index.js';
import './notes/index.js';
import './appointments/index.js';
import './businesses/index.js';
import './contacts/index.js';
import './calendars/index.js';
import './opportunities/index.js';
import './users/index.js';
import './conversations/index.js';
import './workflows/index.js';
import './campaigns/index.js';
import './locations/index.js';
import './custom-fields/index.js';
import './associations/index.js';
import './blogs/index.js';
import './companies/index.js';
import './snapshots/index.js';
// Subscriptions (live data); imported here so domain index files stay their authors'.
import './contacts/subscriptions.js';
import './businesses/subscriptions.js';
import './opportunities/subscriptions.js';
import './calendars/subscriptions.js';
import './conversations/subscriptions.js';
import './users/subscriptions.js';

/**
 * The gateway's schema, sorted so the printed SDL is stable and reviewable, with every argument
 * checked against the input bounds before its field resolves.
 */
export const schema = guardInputs(lexicographicSortSchema(builder.toSchema()));
