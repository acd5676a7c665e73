import { createCalendarGroup, deleteCalendarGroup, setCalendarGroupStatus, updateCalendarGroup, validateCalendarGroupSlug } from '../../ghl/endpoints/calendars.js';
import { GhlNotFoundError } from '../../ghl/errors.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, mutationPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, nonBlank } from '../shared/validate.js';
import { fieldError } from './payloads.js';
import { CalendarGroup } from './types.js';

/** Mutations of calendar groups. Every group write makes the cached group list stale. */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugCheck = (path: string[], slug: string | null | undefined) => (slug === null || slug === undefined || SLUG.test(slug) ? null : fieldError(path, 'slug may hold lowercase letters, digits and single dashes, e.g. `intro-calls`.'));
const GROUP_FIELDS = ['name', 'description', 'slug', 'isActive'];
const groupsChanged = { lists: ['calendarGroups', 'calendarGroup'] } as const;

const CalendarGroupCreateInput = builder.inputType('CalendarGroupCreateInput', {
  description: 'A new calendar group.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name of the group.' }),
    slug: t.string({ required: true, description: 'URL slug, unique in the location: lowercase letters, digits and dashes.' }),
    description: t.string({ description: 'Free-text description. Default empty.' }),
    isActive: t.boolean({ description: 'Whether the group takes bookings. Default true.' }),
  }),
});
const CalendarGroupUpdateInput = builder.inputType('CalendarGroupUpdateInput', {
  description: 'A calendar group and its changes; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's calendar group id." }),
    name: t.string({ description: 'Name of the group.' }),
    slug: t.string({ description: 'URL slug, unique in the location.' }),
    description: t.string({ description: 'Free-text description.' }),
  }),
});
const CalendarGroupStatusUpdateInput = builder.inputType('CalendarGroupStatusUpdateInput', {
  description: 'Turns a calendar group on or off.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's calendar group id." }),
    isActive: t.boolean({ required: true, description: 'Whether the group takes bookings.' }),
  }),
});
const CalendarGroupDeleteInput = builder.inputType('CalendarGroupDeleteInput', {
  description: 'The calendar group to delete; its calendars stay, without a group.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's calendar group id." }) }),
});
const CalendarGroupSlugValidateInput = builder.inputType('CalendarGroupSlugValidateInput', {
  description: 'A slug to check before creating or renaming a group.',
  fields: (t) => ({ slug: t.string({ required: true, description: 'The slug to check.' }) }),
});

const CalendarGroupCreatePayload = recordPayload('CalendarGroupCreatePayload', 'Result of `calendarGroupCreate`.', 'calendarGroup', CalendarGroup, 'The new group; null when nothing was created.');
const CalendarGroupUpdatePayload = recordPayload('CalendarGroupUpdatePayload', 'Result of `calendarGroupUpdate`.', 'calendarGroup', CalendarGroup, 'The group after the change; null when nothing changed.');
const CalendarGroupStatusUpdatePayload = recordPayload('CalendarGroupStatusUpdatePayload', 'Result of `calendarGroupStatusUpdate`.', 'calendarGroup', CalendarGroup, 'The group after the change; null when nothing changed.');
const CalendarGroupDeletePayload = deletedIdPayload('CalendarGroupDeletePayload', 'Result of `calendarGroupDelete`.', 'deletedCalendarGroupId', 'Id of the deleted group; null when nothing was deleted.');
const CalendarGroupSlugValidatePayload = mutationPayload<{ slug: string; available: boolean | null }>('CalendarGroupSlugValidatePayload', 'Result of `calendarGroupSlugValidate`.', (t) => ({
  slug: t.exposeString('slug', { description: 'The slug that was checked.' }),
  available: t.boolean({ nullable: true, description: 'Whether no group of the location uses the slug yet; null when the check did not run.', resolve: (p) => p.available }),
}));

builder.mutationFields((t) => ({
  calendarGroupCreate: t.field({
    ...traced('Creates a calendar group.', 'POST /calendars/groups'),
    type: CalendarGroupCreatePayload,
    args: { input: t.arg({ type: CalendarGroupCreateInput, required: true, description: 'The new group.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'name'], input.name), slugCheck(['input', 'slug'], input.slug)),
        inputFields: GROUP_FIELDS,
        call: () => createCalendarGroup(ctx.ghl, { name: input.name.trim(), slug: input.slug, description: input.description ?? '', ...(typeof input.isActive === 'boolean' ? { isActive: input.isActive } : {}) }),
        stale: groupsChanged,
      });
      return { calendarGroup: result, userErrors };
    },
  }),
  calendarGroupUpdate: t.field({
    ...traced('Changes the name, slug or description of a calendar group. GHL replaces all three, so fields left out are read first.', 'PUT /calendars/groups/{groupId}', 'GET /calendars/groups'),
    type: CalendarGroupUpdatePayload,
    args: { input: t.arg({ type: CalendarGroupUpdateInput, required: true, description: 'The group and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'name'], input.name), slugCheck(['input', 'slug'], input.slug)),
        inputFields: GROUP_FIELDS,
        call: async () => {
          const complete = input.name != null && input.slug != null && input.description != null;
          const current = complete ? null : await ctx.loaders.calendarGroup.load(input.id);
          return updateCalendarGroup(ctx.ghl, input.id, {
            name: (input.name ?? current?.name ?? '').trim(),
            slug: input.slug ?? current?.slug ?? '',
            description: input.description ?? current?.description ?? '',
          });
        },
        stale: groupsChanged,
      });
      return { calendarGroup: result, userErrors };
    },
  }),
  calendarGroupStatusUpdate: t.field({
    ...traced('Turns a calendar group on or off, then reads it back.', 'PUT /calendars/groups/{groupId}/status', 'GET /calendars/groups'),
    type: CalendarGroupStatusUpdatePayload,
    args: { input: t.arg({ type: CalendarGroupStatusUpdateInput, required: true, description: 'The group and its new status.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { ok, userErrors } = await runMutation(ctx, { inputFields: ['isActive'], call: () => setCalendarGroupStatus(ctx.ghl, input.id, input.isActive), stale: groupsChanged });
      if (!ok) return { calendarGroup: null, userErrors };
      const group = await ctx.loaders.calendarGroup.load(input.id).catch((e: unknown) => (e instanceof GhlNotFoundError ? null : Promise.reject(e)));
      return { calendarGroup: group, userErrors };
    },
  }),
  calendarGroupDelete: t.field({
    ...traced('Deletes a calendar group; its calendars stay, without a group.', 'DELETE /calendars/groups/{groupId}'),
    type: CalendarGroupDeletePayload,
    args: { input: t.arg({ type: CalendarGroupDeleteInput, required: true, description: 'The group to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, { call: () => deleteCalendarGroup(ctx.ghl, input.id).then(() => input.id), stale: { lists: [...groupsChanged.lists, 'calendarList', 'calendar'] } });
      return { deletedCalendarGroupId: result, userErrors };
    },
  }),
  calendarGroupSlugValidate: t.field({
    ...traced('Checks whether a group slug is still free in the location. Changes nothing.', 'POST /calendars/groups/validate-slug'),
    type: CalendarGroupSlugValidatePayload,
    args: { input: t.arg({ type: CalendarGroupSlugValidateInput, required: true, description: 'The slug to check.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, { checks: collect(nonBlank(['input', 'slug'], input.slug)), inputFields: ['slug'], call: () => validateCalendarGroupSlug(ctx.ghl, input.slug) });
      return { slug: input.slug, available: result, userErrors };
    },
  }),
}));
