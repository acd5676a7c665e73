import type { GhlWorkflow } from '../ghl/endpoints/workflows.js';
import { listWorkflows } from '../ghl/endpoints/workflows.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** Workflows are built in GHL's UI and change seldom; the list is one call for the whole location. */
export const TTL_MS = { workflowList: 120_000 };

/** Per-request loaders of the workflows domain. */
export function createWorkflowLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const list = kit.byId<GhlWorkflow[]>('workflowList', TTL_MS.workflowList, () => listWorkflows(deps.ghl));
  return {
    /** The location's whole workflow list (GHL does not page it); one key, `all`. */
    workflowList: { load: () => list.load('all'), clear: (key: string) => list.clear(key), clearAll: () => list.clearAll() },
  };
}
