import { oauthRoutes } from '../oauth.js';
import { appointmentsDomain } from './appointments.js';
import { associationsDomain } from './associations.js';
import { blogsDomain } from './blogs.js';
import { businessesDomain } from './businesses.js';
import { calendarsDomain } from './calendars.js';
import { campaignsDomain } from './campaigns.js';
import { companiesDomain } from './companies.js';
import { contactsDomain } from './contacts.js';
import { conversationsDomain } from './conversations.js';
import { customFieldsDomain } from './custom-fields.js';
import { locationCustomValuesDomain } from './locations-custom-values.js';
import { locationTagsDomain } from './locations-tags.js';
import { locationsDomain } from './locations.js';
import { notesDomain } from './notes.js';
import { opportunitiesDomain } from './opportunities.js';
import { snapshotsDomain } from './snapshots.js';
import { tasksDomain } from './tasks.js';
import type { SimulatorDomain } from './types.js';
import { usersDomain } from './users.js';
import { workflowsDomain } from './workflows.js';

/**
 * Every domain the simulator serves, one line each: the only place a domain is registered. The
 * route table (routes/index.ts) is their routes together; a `METHOD path` belongs to one domain.
 * Seeded in this order, after the core seed (seed.ts: locations, contacts with their tasks, notes
 * and appointments, businesses, the OAuth app and tokens), which is why the first six have no seed.
 */
export const domains: readonly SimulatorDomain[] = [
  // The token endpoint (oauth.ts, apps/oauth.json): the store's installs and tokens.
  { name: 'oauth', routes: oauthRoutes },
  contactsDomain,
  tasksDomain,
  notesDomain,
  appointmentsDomain,
  businessesDomain,
  usersDomain,
  calendarsDomain,
  opportunitiesDomain,
  conversationsDomain,
  workflowsDomain,
  campaignsDomain,
  locationsDomain,
  customFieldsDomain,
  companiesDomain,
  snapshotsDomain,
  associationsDomain,
  blogsDomain,
  locationTagsDomain,
  locationCustomValuesDomain,
];
