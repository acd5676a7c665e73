import type { LoaderDeps } from './kit.js';

/** How long each calendars resource may be served from the cross-request cache. */
export const TTL_MS = {};

/** Per-request loaders of the calendars domain (see src/loaders/contacts.ts for the pattern). */
export function createCalendarLoaders(deps: LoaderDeps) {
  void deps;
  return {};
}
