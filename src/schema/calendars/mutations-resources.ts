import type { CalendarResourceWriteBody } from '../../ghl/endpoints/calendars.js';
import { createCalendarResource, deleteCalendarResource, updateCalendarResource } from '../../ghl/endpoints/calendars.js';
import { builder, type BuilderTypes } from '../builder.js';
import { type UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, nonBlank } from '../shared/validate.js';
import { CalendarResourceType } from './enums.js';
import { fieldError, intRange } from './payloads.js';
import { withoutNullish } from '../../lib/objects.js';
import { CalendarResource, withResourceId } from './resource-types.js';

/** Equipment and rooms. GHL wants every count on create; the graph fills documented defaults. */

interface FieldsInput {
  name?: string | null;
  description?: string | null;
  quantity?: number | null;
  outOfService?: number | null;
  capacity?: number | null;
  calendarIds?: string[] | null;
}

const MAX_COUNT = 100_000;

function resourceFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, defaults: boolean) {
  const d = (text: string) => (defaults ? ` Default ${text}.` : '');
  return {
    description: t.string({ description: `Free-text description.${d('empty')}` }),
    quantity: t.int({ description: `How many there are (equipment).${d('1')}` }),
    outOfService: t.int({ description: `How many are out of service; at most \`quantity\`.${d('0')}` }),
    capacity: t.int({ description: `How many people it holds (rooms).${d('1')}` }),
    calendarIds: t.idList({ description: `Ids of the service calendars that book it.${d('none')}` }),
  };
}

function checks(input: FieldsInput): UserErrorShape[] {
  const over = input.quantity != null && input.outOfService != null && input.outOfService > input.quantity;
  return collect(
    nonBlank(['input', 'name'], input.name),
    intRange(['input', 'quantity'], input.quantity, 0, MAX_COUNT),
    intRange(['input', 'outOfService'], input.outOfService, 0, MAX_COUNT),
    intRange(['input', 'capacity'], input.capacity, 0, MAX_COUNT),
    over ? fieldError(['input', 'outOfService'], 'outOfService must not exceed quantity.') : null,
  );
}

const CalendarResourceCreateInput = builder.inputType('CalendarResourceCreateInput', {
  description: 'A new piece of equipment or room.',
  fields: (t) => ({
    resourceType: t.field({ type: CalendarResourceType, required: true, description: 'Equipment or room.' }),
    name: t.string({ required: true, description: 'Name of the resource.' }),
    ...resourceFields(t, true),
  }),
});
const CalendarResourceUpdateInput = builder.inputType('CalendarResourceUpdateInput', {
  description: 'A resource and its changes; fields left out keep their value.',
  fields: (t) => ({
    resourceType: t.field({ type: CalendarResourceType, required: true, description: 'Equipment or room.' }),
    id: t.id({ required: true, description: "GHL's resource id." }),
    name: t.string({ description: 'Name of the resource.' }),
    isActive: t.boolean({ description: 'Whether it can be booked.' }),
    ...resourceFields(t, false),
  }),
});
const CalendarResourceDeleteInput = builder.inputType('CalendarResourceDeleteInput', {
  description: 'A resource to delete.',
  fields: (t) => ({
    resourceType: t.field({ type: CalendarResourceType, required: true, description: 'Equipment or room.' }),
    id: t.id({ required: true, description: "GHL's resource id." }),
  }),
});

const CalendarResourceCreatePayload = recordPayload('CalendarResourceCreatePayload', 'Result of `calendarResourceCreate`.', 'calendarResource', CalendarResource, 'The new resource; null when nothing was created.');
const CalendarResourceUpdatePayload = recordPayload('CalendarResourceUpdatePayload', 'Result of `calendarResourceUpdate`.', 'calendarResource', CalendarResource, 'The resource after the change; null when nothing changed.');
const CalendarResourceDeletePayload = deletedIdPayload('CalendarResourceDeletePayload', 'Result of `calendarResourceDelete`.', 'deletedCalendarResourceId', 'Id of the deleted resource; null when nothing was deleted.');

const INPUT_FIELDS = ['name', 'description', 'quantity', 'outOfService', 'capacity', 'calendarIds', 'isActive'];
const resourcesChanged = { lists: ['calendarResources', 'calendarResource'] } as const;

builder.mutationFields((t) => ({
  calendarResourceCreate: t.field({
    ...traced('Creates a piece of equipment or a room.', 'POST /calendars/resources/{resourceType}'),
    type: CalendarResourceCreatePayload,
    args: { input: t.arg({ type: CalendarResourceCreateInput, required: true, description: 'The new resource.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: INPUT_FIELDS,
        call: () =>
          createCalendarResource(ctx.ghl, input.resourceType, {
            name: input.name.trim(),
            description: input.description ?? '',
            quantity: input.quantity ?? 1,
            outOfService: input.outOfService ?? 0,
            capacity: input.capacity ?? 1,
            calendarIds: input.calendarIds ?? [],
          }),
        stale: resourcesChanged,
      });
      return { calendarResource: result && withResourceId(result), userErrors };
    },
  }),
  calendarResourceUpdate: t.field({
    ...traced('Changes a piece of equipment or a room.', 'PUT /calendars/resources/{resourceType}/{id}'),
    type: CalendarResourceUpdatePayload,
    args: { input: t.arg({ type: CalendarResourceUpdateInput, required: true, description: 'The resource and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { resourceType, id, ...fields } = input;
      const body: CalendarResourceWriteBody = withoutNullish({ ...fields, name: fields.name?.trim() });
      const { result, userErrors } = await runMutation(ctx, { checks: checks(fields), inputFields: INPUT_FIELDS, call: () => updateCalendarResource(ctx.ghl, resourceType, id, body), stale: resourcesChanged });
      return { calendarResource: result && withResourceId(result, id), userErrors };
    },
  }),
  calendarResourceDelete: t.field({
    ...traced('Deletes a piece of equipment or a room.', 'DELETE /calendars/resources/{resourceType}/{id}'),
    type: CalendarResourceDeletePayload,
    args: { input: t.arg({ type: CalendarResourceDeleteInput, required: true, description: 'The resource to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, { call: () => deleteCalendarResource(ctx.ghl, input.resourceType, input.id).then(() => input.id), stale: resourcesChanged });
      return { deletedCalendarResourceId: result, userErrors };
    },
  }),
}));
