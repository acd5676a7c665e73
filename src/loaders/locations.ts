import type { LoaderDeps } from './kit.js';

/** How long each locations resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the locations domain (see src/loaders/contacts.ts for the pattern). */
export function createLocationLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
