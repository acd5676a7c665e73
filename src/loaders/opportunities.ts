import type { LoaderDeps } from './kit.js';

/** How long each opportunities resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the opportunities domain (see src/loaders/contacts.ts for the pattern). */
export function createOpportunityLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
