import type { LoaderDeps } from './kit.js';

/** How long each snapshots resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the snapshots domain (see src/loaders/contacts.ts for the pattern). */
export function createSnapshotLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
