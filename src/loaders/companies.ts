import type { LoaderDeps } from './kit.js';

/** How long each companies resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the companies domain (see src/loaders/contacts.ts for the pattern). */
export function createCompanyLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
