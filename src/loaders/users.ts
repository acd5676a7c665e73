import type { LoaderDeps } from './kit.js';

/** How long each users resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the users domain (see src/loaders/contacts.ts for the pattern). */
export function createUserLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
