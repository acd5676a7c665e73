import type { LoaderDeps } from './kit.js';

/** How long each custom-fields resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the custom-fields domain (see src/loaders/contacts.ts for the pattern). */
export function createCustomFieldLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
