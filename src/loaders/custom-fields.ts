import type { GhlCustomField } from '../ghl/endpoints/custom-fields.js';
import { getCustomFields } from '../ghl/endpoints/custom-fields.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** Definitions change only when someone edits the location's settings. */
export const TTL_MS = { customFieldDefinitions: 300_000 };

export function createCustomFieldLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    /**
     * Every definition of a location (all models), keyed by location id: one call serves both the
     * `customFields` query (filtered here by model) and every `CustomFieldValue.field` link.
     */
    customFieldDefinitions: kit.byId<GhlCustomField[]>(
      'customFieldDefinitions',
      TTL_MS.customFieldDefinitions,
      // Form order; a stable sort keeps GHL's order among equal positions.
      async (locationId) => (await getCustomFields(deps.ghl, locationId, 'all')).sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
    ),
  };
}
