import { createBusinessLoaders } from './businesses.js';
import { createContactLoaders } from './contacts.js';
import type { LoaderDeps } from './kit.js';

export type { LoaderDeps, LoaderMeter } from './kit.js';

/**
 * The per-request loaders of every domain. Created once per GraphQL request (or per subscription
 * event), never shared: each DataLoader dedupes keys within the request, and reads through the
 * tenant-keyed cross-request cache. Each domain adds its factory here, one line each.
 */
export function createLoaders(deps: LoaderDeps) {
  return {
    ...createContactLoaders(deps),
    ...createBusinessLoaders(deps),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
