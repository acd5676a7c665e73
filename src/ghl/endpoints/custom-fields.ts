import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `CustomFieldSchema` of apps/locations.json: the definition of a custom field. */
export interface GhlCustomField {
  id: string;
  name?: string;
  fieldKey?: string;
  placeholder?: string;
  /** One of `CreateCustomFieldsDTO.dataType`'s values (TEXT, LARGE_TEXT, NUMERICAL…), typed as a bare string here. */
  dataType?: string;
  position?: number;
  picklistOptions?: string[];
  picklistImageOptions?: string[];
  isAllowedCustomOption?: boolean;
  isMultiFileAllowed?: boolean;
  maxFileLimit?: number;
  locationId?: string;
  model?: 'contact' | 'opportunity';
}

export type CustomFieldModelFilter = 'contact' | 'opportunity' | 'all';

const ops = { list: operation('GET /locations/{locationId}/customFields') };

/** Unpaged: every definition of the location, of one model or all. */
export async function getCustomFields(ctx: GhlCallContext, locationId: string, model: CustomFieldModelFilter): Promise<GhlCustomField[]> {
  const res = await ctx.client.call<{ customFields: GhlCustomField[] }>(ops.list, ctx.credential, {
    priority: ctx.priority ?? 'interactive',
    meter: ctx.meter,
    pathParams: { locationId },
    query: { model },
  });
  return res.data.customFields ?? [];
}
