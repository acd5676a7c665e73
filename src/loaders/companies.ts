import type { GhlCompany } from '../ghl/endpoints/companies.js';
import { getCompany } from '../ghl/endpoints/companies.js';
import type { GhlCallContext } from '../ghl/endpoints/types.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** An agency's profile hardly ever changes. */
export const TTL_MS = { company: 600_000 };

/**
 * The agency credential for an agency-only read. Resolvers refuse with FORBIDDEN before reaching a
 * loader when there is none (src/schema/companies/agency.ts); this guard only catches a resolver
 * that forgot to.
 */
export function agencyOf(deps: LoaderDeps): GhlCallContext {
  if (!deps.agency) throw new Error('An agency-only read was attempted without an agency credential');
  return deps.agency;
}

export function createCompanyLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    /** Keyed by company id; read with the agency credential. */
    company: kit.byId<GhlCompany>('company', TTL_MS.company, (id) => getCompany(agencyOf(deps), id)),
  };
}
