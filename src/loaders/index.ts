import { createAppointmentLoaders } from './appointments.js';
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
import { createNoteLoaders } from './notes.js';
import { createOpportunityLoaders } from './opportunities.js';
import { createSnapshotLoaders } from './snapshots.js';
import { createTaskLoaders } from './tasks.js';
import { createUserLoaders } from './users.js';
import { createWorkflowLoaders } from './workflows.js';

export type { LoaderDeps, LoaderMeter } from './kit.js';

/** Every domain's loader factory. Loader names are unique across domains (`<resource>` or `<domain><Resource>`). */
const FACTORIES = [
  createContactLoaders,
  createTaskLoaders,
  createNoteLoaders,
  createAppointmentLoaders,
  createBusinessLoaders,
  createCalendarLoaders,
  createOpportunityLoaders,
  createUserLoaders,
  createConversationLoaders,
  createWorkflowLoaders,
  createCampaignLoaders,
  createLocationLoaders,
  createCustomFieldLoaders,
  createAssociationLoaders,
  createBlogLoaders,
  createCompanyLoaders,
  createSnapshotLoaders,
] as const;

type Factory = (typeof FACTORIES)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The per-request loaders of every domain, as one object. */
export type Loaders = UnionToIntersection<ReturnType<Factory>>;

/**
 * Which factory makes each loader, found once by running every factory on inert deps: factories
 * only construct DataLoaders (nothing is fetched until `load`), so this costs nothing per request
 * and keeps the names in one place, the factories themselves.
 */
const INERT_DEPS = {
  ghl: { credential: { tenantKey: '', locationId: '' } },
  agency: null,
  fetcher: {},
  meter: { upstreamCalls: 0, cacheHits: 0 },
} as unknown as LoaderDeps;
const FACTORY_OF = new Map<string, Factory>(FACTORIES.flatMap((factory) => Object.keys(factory(INERT_DEPS)).map((name) => [name, factory] as [string, Factory])));

/**
 * Per-request loaders, built lazily: a domain's loaders are created the first time the request
 * touches one of them, so a request that reads contacts builds only the contact loaders (not the
 * sixty-odd of every domain). Each DataLoader dedupes keys within the request and reads through
 * the tenant-keyed cross-request cache. Never shared between requests.
 */
class LazyLoaders {
  private readonly built = new Map<Factory, Record<string, unknown>>();
  constructor(private readonly deps: LoaderDeps) {}

  /** @internal */
  loaderOf(factory: Factory, name: string): unknown {
    let domain = this.built.get(factory);
    if (!domain) this.built.set(factory, (domain = factory(this.deps) as Record<string, unknown>));
    return domain[name];
  }
}
for (const [name, factory] of FACTORY_OF) {
  Object.defineProperty(LazyLoaders.prototype, name, {
    get(this: LazyLoaders) {
      return this.loaderOf(factory, name);
    },
    enumerable: true,
  });
}

export function createLoaders(deps: LoaderDeps): Loaders {
  return new LazyLoaders(deps) as unknown as Loaders;
}
