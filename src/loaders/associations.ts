import type { LoaderDeps } from './kit.js';

/** How long each associations resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the associations domain (see src/loaders/contacts.ts for the pattern). */
export function createAssociationLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
