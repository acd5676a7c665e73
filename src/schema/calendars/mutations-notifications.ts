import type { CalendarNotificationWriteBody } from '../../ghl/endpoints/calendars.js';
import { createCalendarNotifications, deleteCalendarNotification, updateCalendarNotification } from '../../ghl/endpoints/calendars.js';
import { builder, type BuilderTypes } from '../builder.js';
import type { UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, mutationPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, email, nonEmptyList, phone } from '../shared/validate.js';
import { CalendarNotificationChannel, CalendarNotificationReceiver, CalendarNotificationType } from './enums.js';
import { CalendarNotification, type CalendarNotificationShape } from './notification-types.js';
import { withoutNullish } from '../../lib/objects.js';

/** Event notifications of a calendar. GHL creates several at once; updates answer only a message, so the graph reads the notification back. */

const CalendarNotificationScheduleInput = builder.inputType('CalendarNotificationScheduleInput', {
  description: 'How long before or after an appointment a notification goes out.',
  fields: (t) => ({
    timeOffset: t.float({ required: true, description: 'How many units.' }),
    unit: t.string({ required: true, description: 'The unit as GHL names it, e.g. `minutes`, `hours` or `days`.' }),
  }),
});

interface FieldsInput {
  receiverType?: string | null;
  channel?: string | null;
  notificationType?: string | null;
  isActive?: boolean | null;
  templateId?: string | null;
  subject?: string | null;
  body?: string | null;
  beforeTime?: { timeOffset: number; unit: string }[] | null;
  afterTime?: { timeOffset: number; unit: string }[] | null;
  additionalEmailIds?: string[] | null;
  additionalPhoneNumbers?: string[] | null;
  selectedUsers?: string[] | null;
  fromAddress?: string | null;
  fromName?: string | null;
  fromNumber?: string | null;
}

function notificationFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) {
  return {
    isActive: t.boolean({ description: 'Whether it is sent. Default true.' }),
    templateId: t.id({ description: 'Id of a message template to use.' }),
    subject: t.string({ description: 'Subject of an email.' }),
    body: t.string({ description: 'Text of the message.' }),
    beforeTime: t.field({ type: [CalendarNotificationScheduleInput], description: 'For reminders: how long before the appointment.' }),
    afterTime: t.field({ type: [CalendarNotificationScheduleInput], description: 'For follow-ups: how long after the appointment.' }),
    additionalEmailIds: t.stringList({ description: 'Extra email addresses it goes to.' }),
    additionalPhoneNumbers: t.stringList({ description: 'Extra phone numbers it goes to, in E.164 form.' }),
    selectedUsers: t.stringList({ description: 'Users it goes to (ids, or `sub_account_admin`).' }),
    fromAddress: t.string({ description: 'Sender email address.' }),
    fromName: t.string({ description: 'Sender name.' }),
    fromNumber: t.string({ description: 'Sender phone number, in E.164 form.' }),
  };
}

function checks(input: FieldsInput, at: string[]): UserErrorShape[] {
  return collect(
    ...(input.additionalEmailIds ?? []).map((e, i) => email([...at, 'additionalEmailIds', String(i)], e)),
    ...(input.additionalPhoneNumbers ?? []).map((p, i) => phone([...at, 'additionalPhoneNumbers', String(i)], p)),
    email([...at, 'fromAddress'], input.fromAddress),
    phone([...at, 'fromNumber'], input.fromNumber),
  );
}

const toBody = (input: FieldsInput): CalendarNotificationWriteBody => withoutNullish({ ...input });

const CalendarNotificationDraftInput = builder.inputType('CalendarNotificationDraftInput', {
  description: 'One notification to create.',
  fields: (t) => ({
    receiverType: t.field({ type: CalendarNotificationReceiver, required: true, description: 'Who receives it.' }),
    channel: t.field({ type: CalendarNotificationChannel, required: true, description: 'How it is sent.' }),
    notificationType: t.field({ type: CalendarNotificationType, required: true, description: 'What it is sent for.' }),
    ...notificationFields(t),
  }),
});
const CalendarNotificationCreateInput = builder.inputType('CalendarNotificationCreateInput', {
  description: 'Notifications to add to a calendar.',
  fields: (t) => ({
    calendarId: t.id({ required: true, description: "GHL's calendar id." }),
    notifications: t.field({ type: [CalendarNotificationDraftInput], required: true, description: 'The notifications, at least one.' }),
  }),
});
const CalendarNotificationUpdateInput = builder.inputType('CalendarNotificationUpdateInput', {
  description: 'A notification of a calendar and its changes; fields left out keep their value.',
  fields: (t) => ({
    calendarId: t.id({ required: true, description: "GHL's calendar id." }),
    id: t.id({ required: true, description: "GHL's notification id." }),
    receiverType: t.field({ type: CalendarNotificationReceiver, description: 'Who receives it.' }),
    channel: t.field({ type: CalendarNotificationChannel, description: 'How it is sent.' }),
    notificationType: t.field({ type: CalendarNotificationType, description: 'What it is sent for.' }),
    ...notificationFields(t),
  }),
});
const CalendarNotificationDeleteInput = builder.inputType('CalendarNotificationDeleteInput', {
  description: 'A notification of a calendar, to delete.',
  fields: (t) => ({
    calendarId: t.id({ required: true, description: "GHL's calendar id." }),
    id: t.id({ required: true, description: "GHL's notification id." }),
  }),
});

const CalendarNotificationCreatePayload = mutationPayload<{ calendarNotifications: CalendarNotificationShape[] | null }>('CalendarNotificationCreatePayload', 'Result of `calendarNotificationCreate`.', (t) => ({
  calendarNotifications: t.field({ type: [CalendarNotification], nullable: true, description: 'The new notifications, in input order; null when nothing was created.', resolve: (p) => p.calendarNotifications }),
}));
const CalendarNotificationUpdatePayload = recordPayload('CalendarNotificationUpdatePayload', 'Result of `calendarNotificationUpdate`.', 'calendarNotification', CalendarNotification, 'The notification after the change; null when nothing changed.');
const CalendarNotificationDeletePayload = deletedIdPayload('CalendarNotificationDeletePayload', 'Result of `calendarNotificationDelete`.', 'deletedCalendarNotificationId', 'Id of the deleted notification; null when nothing was deleted.');

const INPUT_FIELDS = ['receiverType', 'channel', 'notificationType', 'templateId', 'subject', 'body', 'additionalEmailIds', 'additionalPhoneNumbers', 'fromAddress', 'fromNumber'];
const notificationsChanged = { lists: ['calendarNotifications', 'calendarNotification'] } as const;

builder.mutationFields((t) => ({
  calendarNotificationCreate: t.field({
    ...traced('Adds one or more notifications to a calendar.', 'POST /calendars/{calendarId}/notifications'),
    type: CalendarNotificationCreatePayload,
    args: { input: t.arg({ type: CalendarNotificationCreateInput, required: true, description: 'The calendar and its new notifications.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonEmptyList(['input', 'notifications'], input.notifications), ...input.notifications.flatMap((n, i) => checks(n, ['input', 'notifications', String(i)]))),
        inputFields: INPUT_FIELDS,
        notFoundField: ['input', 'calendarId'],
        call: () => createCalendarNotifications(ctx.ghl, input.calendarId, input.notifications.map(toBody)),
        stale: notificationsChanged,
      });
      return { calendarNotifications: result && result.map((n) => ({ ...n, calendarId: input.calendarId })), userErrors };
    },
  }),
  calendarNotificationUpdate: t.field({
    ...traced('Changes a notification of a calendar, then reads it back.', 'PUT /calendars/{calendarId}/notifications/{notificationId}', 'GET /calendars/{calendarId}/notifications/{notificationId}'),
    type: CalendarNotificationUpdatePayload,
    args: { input: t.arg({ type: CalendarNotificationUpdateInput, required: true, description: 'The notification and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { calendarId, id, ...fields } = input;
      const { ok, userErrors } = await runMutation(ctx, {
        checks: checks(fields, ['input']),
        inputFields: INPUT_FIELDS,
        call: () => updateCalendarNotification(ctx.ghl, calendarId, id, toBody(fields)),
        stale: notificationsChanged,
      });
      if (!ok) return { calendarNotification: null, userErrors };
      return { calendarNotification: { ...(await ctx.loaders.calendarNotification.load({ calendarId, id })), calendarId }, userErrors };
    },
  }),
  calendarNotificationDelete: t.field({
    ...traced('Deletes a notification of a calendar (GHL keeps it, marked deleted).', 'DELETE /calendars/{calendarId}/notifications/{notificationId}'),
    type: CalendarNotificationDeletePayload,
    args: { input: t.arg({ type: CalendarNotificationDeleteInput, required: true, description: 'The notification to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, { call: () => deleteCalendarNotification(ctx.ghl, input.calendarId, input.id).then(() => input.id), stale: notificationsChanged });
      return { deletedCalendarNotificationId: result, userErrors };
    },
  }),
}));
