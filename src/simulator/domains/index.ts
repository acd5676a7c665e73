import { associationsDomain } from './associations.js';
import { blogsDomain } from './blogs.js';
import { calendarsDomain } from './calendars.js';
import { campaignsDomain } from './campaigns.js';
import { companiesDomain } from './companies.js';
import { conversationsDomain } from './conversations.js';
import { customFieldsDomain } from './custom-fields.js';
import { locationCustomValuesDomain } from './location-custom-values.js';
import { locationTagsDomain } from './location-tags.js';
import { locationsDomain } from './locations.js';
import { opportunitiesDomain } from './opportunities.js';
import { snapshotsDomain } from './snapshots.js';
import type { SimulatorDomain } from './types.js';
import { usersDomain } from './users.js';
import { workflowsDomain } from './workflows.js';

/** Domains beyond the core (contacts, businesses, OAuth), one line each. Seeded in this order. */
export const domains: readonly SimulatorDomain[] = [
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
