import type { LoaderDeps } from './kit.js';

/** How long each conversations resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the conversations domain (see src/loaders/contacts.ts for the pattern). */
export function createConversationLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
