import type { GhlOpportunity } from '../../ghl/endpoints/opportunities.js';
import { builder, type BuilderTypes } from '../builder.js';
import type { UserErrorShape } from '../shared/errors.js';
import { mutationPayload } from '../shared/mutation.js';
import { Opportunity, OpportunityStatus } from './types.js';

/** Inputs and payloads shared by the opportunity mutations. */

export interface OpportunityPayloadShape {
  /** The opportunity as the write returned it, when GHL returns it. */
  opportunity?: GhlOpportunity | null;
  /** Otherwise its id: it is read (one GET) only if the client selects it. */
  opportunityId?: string | null;
  userErrors: UserErrorShape[];
}

export function opportunityPayload<Extra extends object = object>(
  name: string,
  description: string,
  extra?: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, OpportunityPayloadShape & Extra>) => Record<string, PothosSchemaTypes.FieldRef<BuilderTypes, unknown, 'Object'>>,
) {
  return mutationPayload<Omit<OpportunityPayloadShape, 'userErrors'> & Extra>(
    name,
    description,
    (t) => ({
      opportunity: t.field({
        type: Opportunity,
        nullable: true,
        description: 'The opportunity after the change; null when nothing changed.',
        resolve: (p, _args, ctx) => p.opportunity ?? (p.opportunityId ? ctx.loaders.opportunity.read(p.opportunityId) : null),
      }),
    }),
    extra,
  );
}

export const OpportunityCustomFieldInput = builder.inputType('OpportunityCustomFieldInput', {
  description: 'A value for one custom field of an opportunity; an empty value clears the field.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's custom field id." }),
    value: t.string({ description: 'The value, for single-value fields.' }),
    values: t.stringList({ description: 'The values, for multi-value fields (checkboxes, multi-select); wins over `value`.' }),
  }),
});

/** The writable fields of create, update and upsert but `name`; `forCreate` words the descriptions. */
export function opportunityInputFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, forCreate: boolean) {
  return {
    ...opportunityCoreFields(t, forCreate),
    customFields: t.field({ type: [OpportunityCustomFieldInput], description: 'Custom field values to set; others stay as they are.' }),
  };
}

/** Stage, status, value and owner: what every opportunity write may set. */
export function opportunityCoreFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, forCreate: boolean) {
  return {
    stageId: t.id({ description: forCreate ? 'Stage to start in; default the first stage of the pipeline.' : "Stage to move to; its pipeline is found from the location's pipelines." }),
    status: t.field({ type: OpportunityStatus, description: forCreate ? 'Status; default OPEN.' : 'New status.' }),
    monetaryValue: t.float({ description: "Value of the deal, 0 or more, in the location's currency." }),
    assignedTo: t.id({ description: 'Id of the GHL user who owns the opportunity.' }),
  };
}

export interface OpportunityFieldsInput {
  name?: string | null;
  stageId?: string | null;
  status?: 'open' | 'won' | 'lost' | 'abandoned' | null;
  monetaryValue?: number | null;
  assignedTo?: string | null;
  customFields?: { id: string; value?: string | null; values?: string[] | null }[] | null;
}
