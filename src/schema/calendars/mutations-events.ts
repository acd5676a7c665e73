import { createBlockedSlot, deleteCalendarEvent, updateBlockedSlot } from '../../ghl/endpoints/calendars.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { before, collect, nonBlank } from '../shared/validate.js';
import { withoutNullish } from '../../lib/objects.js';
import { BlockedSlot } from './types.js';

/** Blocked slots, and the delete that GHL shares between appointments and blocked slots. */

const BlockedSlotCreateInput = builder.inputType('BlockedSlotCreateInput', {
  description: 'Time to block on a calendar: no bookings then.',
  fields: (t) => ({
    calendarId: t.id({ required: true, description: "GHL's calendar id." }),
    startTime: t.field({ type: 'DateTime', required: true, description: 'When the block starts.' }),
    endTime: t.field({ type: 'DateTime', required: true, description: 'When it ends; after `startTime`.' }),
    title: t.string({ description: 'Title shown on the calendar.' }),
    assignedUserId: t.id({ description: 'Id of the GHL user whose time it blocks.' }),
  }),
});
const BlockedSlotUpdateInput = builder.inputType('BlockedSlotUpdateInput', {
  description: 'A blocked slot and its changes; fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's event id of the blocked slot." }),
    calendarId: t.id({ required: true, description: 'Id of the calendar it blocks (GHL asks for it on every change).' }),
    startTime: t.field({ type: 'DateTime', description: 'When the block starts.' }),
    endTime: t.field({ type: 'DateTime', description: 'When it ends.' }),
    title: t.string({ description: 'Title shown on the calendar.' }),
    assignedUserId: t.id({ description: 'Id of the GHL user whose time it blocks.' }),
  }),
});
const CalendarEventDeleteInput = builder.inputType('CalendarEventDeleteInput', {
  description: 'The appointment or blocked slot to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's event id (an appointment's or a blocked slot's)." }) }),
});

const BlockedSlotCreatePayload = recordPayload('BlockedSlotCreatePayload', 'Result of `blockedSlotCreate`.', 'blockedSlot', BlockedSlot, 'The new blocked slot; null when nothing was created.');
const BlockedSlotUpdatePayload = recordPayload('BlockedSlotUpdatePayload', 'Result of `blockedSlotUpdate`.', 'blockedSlot', BlockedSlot, 'The blocked slot after the change; null when nothing changed.');
const CalendarEventDeletePayload = deletedIdPayload('CalendarEventDeletePayload', 'Result of `calendarEventDelete`.', 'deletedEventId', 'Id of the deleted appointment or blocked slot; null when nothing was deleted.');

const INPUT_FIELDS = ['calendarId', 'startTime', 'endTime', 'title', 'assignedUserId'];
const slotsChanged = { lists: ['blockedSlots', 'calendarFreeSlots'] } as const;

builder.mutationFields((t) => ({
  blockedSlotCreate: t.field({
    ...traced('Blocks time on a calendar.', 'POST /calendars/events/block-slots'),
    type: BlockedSlotCreatePayload,
    args: { input: t.arg({ type: BlockedSlotCreateInput, required: true, description: 'The time to block.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(before([['input', 'startTime'], ['input', 'endTime']], input.startTime, input.endTime), nonBlank(['input', 'title'], input.title)),
        inputFields: INPUT_FIELDS,
        call: () => createBlockedSlot(ctx.ghl, { calendarId: input.calendarId, startTime: input.startTime.toISOString(), endTime: input.endTime.toISOString(), ...withoutNullish({ title: input.title, assignedUserId: input.assignedUserId }) }),
        stale: slotsChanged,
      });
      return { blockedSlot: result, userErrors };
    },
  }),
  blockedSlotUpdate: t.field({
    ...traced('Changes a blocked slot.', 'PUT /calendars/events/block-slots/{eventId}'),
    type: BlockedSlotUpdatePayload,
    args: { input: t.arg({ type: BlockedSlotUpdateInput, required: true, description: 'The blocked slot and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(before([['input', 'startTime'], ['input', 'endTime']], input.startTime, input.endTime), nonBlank(['input', 'title'], input.title)),
        inputFields: INPUT_FIELDS,
        call: () =>
          updateBlockedSlot(ctx.ghl, input.id, { calendarId: input.calendarId, ...withoutNullish({ startTime: input.startTime?.toISOString(), endTime: input.endTime?.toISOString(), title: input.title, assignedUserId: input.assignedUserId }) }),
        stale: slotsChanged,
      });
      return { blockedSlot: result, userErrors };
    },
  }),
  calendarEventDelete: t.field({
    ...traced('Deletes an appointment (with its notes) or a blocked slot.', 'DELETE /calendars/events/{eventId}'),
    type: CalendarEventDeletePayload,
    args: { input: t.arg({ type: CalendarEventDeleteInput, required: true, description: 'The event to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { ok, userErrors } = await runMutation(ctx, {
        call: () => deleteCalendarEvent(ctx.ghl, input.id),
        // Which contact the appointment had is unknown here, so every contact's appointment list goes stale.
        stale: { records: { appointment: [input.id] }, lists: ['calendarEvents', 'blockedSlots', 'calendarFreeSlots', 'appointmentNotes', 'contactAppointments'] },
      });
      return { deletedEventId: ok ? input.id : null, userErrors };
    },
  }),
}));
