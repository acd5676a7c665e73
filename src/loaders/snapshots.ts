import type { GhlSnapshot } from '../ghl/endpoints/snapshots.js';
import { listSnapshots } from '../ghl/endpoints/snapshots.js';
import { agencyOf } from './companies.js';
import { loaderKit, type LoaderDeps } from './kit.js';

export const TTL_MS = { companySnapshots: 300_000 };

export function createSnapshotLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    /** An agency's snapshots, keyed by company id; read with the agency credential. */
    companySnapshots: kit.byId<GhlSnapshot[]>('companySnapshots', TTL_MS.companySnapshots, (companyId) => listSnapshots(agencyOf(deps), companyId)),
  };
}
