import type { LoaderDeps } from './kit.js';

/** How long each workflows resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the workflows domain (see src/loaders/contacts.ts for the pattern). */
export function createWorkflowLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
