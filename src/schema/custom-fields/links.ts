import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { CustomFieldValue } from '../contacts/types.js';
import { Location } from '../locations/types.js';
import { CustomField, CustomFieldModel } from './types.js';

/**
 * Definitions reached from records, through one cached `GET /locations/{id}/customFields` per
 * location: a page of contacts with custom values costs one call for all their definitions.
 */

builder.objectField(CustomFieldValue, 'field', (t) =>
  t.field({
    type: CustomField,
    nullable: true,
    ...traced("The field's definition (name, key, kind); null when the location no longer defines it.", 'GET /locations/{locationId}/customFields'),
    // Values reach the caller only on records of the caller's location, so that location defines them.
    resolve: async (v, _args, ctx) => (await ctx.loaders.customFieldDefinitions.load(ctx.credential.locationId)).find((f) => f.id === v.id) ?? null,
  }),
);

builder.objectField(Location, 'customFields', (t) =>
  t.field({
    nullable: true,
    type: [CustomField],
    ...traced("The location's custom field definitions, in form order. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.", 'GET /locations/{locationId}/customFields'),
    args: { model: t.arg({ type: CustomFieldModel, description: 'Only the fields of this kind of record. Default: all.' }) },
    resolve: async (l, args, ctx) => {
      const all = await ctx.loaders.customFieldDefinitions.load(l.id);
      return args.model ? all.filter((f) => f.model === args.model) : all;
    },
  }),
);
