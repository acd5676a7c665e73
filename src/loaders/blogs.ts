import type { LoaderDeps } from './kit.js';

/** How long each blogs resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the blogs domain (see src/loaders/contacts.ts for the pattern). */
export function createBlogLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
