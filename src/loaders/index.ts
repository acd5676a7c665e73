import { createAssociationLoaders } from './associations.js';
import { createBlogLoaders } from './blogs.js';
import { createBusinessLoaders } from './businesses.js';
import { createCalendarLoaders } from './calendars.js';
import { createCampaignLoaders } from './campaigns.js';
import { createCompanyLoaders } from './companies.js';
import { createContactLoaders } from './contacts.js';
import { createConversationLoaders } from './conversations.js';
import { createCustomFieldLoaders } from './custom-fields.js';
import type { LoaderDeps } from './kit.js';
import { createLocationLoaders } from './locations.js';
import { createOpportunityLoaders } from './opportunities.js';
import { createSnapshotLoaders } from './snapshots.js';
import { createUserLoaders } from './users.js';
import { createWorkflowLoaders } from './workflows.js';

export type { LoaderDeps, LoaderMeter } from './kit.js';

/**
 * The per-request loaders of every domain. Created once per GraphQL request (or per subscription
 * event), never shared: each DataLoader dedupes keys within the request, and reads through the
 * tenant-keyed cross-request cache. Loader names are unique across domains (`<resource>` or
 * `<domain><Resource>`), since they are spread into one object.
 */
export function createLoaders(deps: LoaderDeps) {
  return {
    ...createContactLoaders(deps),
    ...createBusinessLoaders(deps),
    ...createCalendarLoaders(deps),
    ...createOpportunityLoaders(deps),
    ...createUserLoaders(deps),
    ...createConversationLoaders(deps),
    ...createWorkflowLoaders(deps),
    ...createCampaignLoaders(deps),
    ...createLocationLoaders(deps),
    ...createCustomFieldLoaders(deps),
    ...createAssociationLoaders(deps),
    ...createBlogLoaders(deps),
    ...createCompanyLoaders(deps),
    ...createSnapshotLoaders(deps),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
