import type { LoaderDeps } from './kit.js';

/** How long each campaigns resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the campaigns domain (see src/loaders/contacts.ts for the pattern). */
export function createCampaignLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
