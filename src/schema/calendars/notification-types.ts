import type { GhlCalendarNotification, GhlSchedule } from '../../ghl/endpoints/calendars.js';
import { builder } from '../builder.js';
import { connectionType } from '../shared/pagination.js';
import { CalendarNotificationChannel, CalendarNotificationReceiver, CalendarNotificationType, NOTIFICATION_CHANNELS, NOTIFICATION_RECEIVERS, NOTIFICATION_TYPES, known } from './enums.js';
import { orNull } from './types.js';

export const CalendarNotificationSchedule = builder.objectRef<GhlSchedule>('CalendarNotificationSchedule').implement({
  description: 'How long before or after an appointment a notification goes out.',
  fields: (t) => ({
    timeOffset: t.float({ nullable: true, description: 'How many units.', resolve: (s) => s.timeOffset ?? null }),
    unit: t.string({ nullable: true, description: 'The unit as GHL names it, e.g. `hours` or `days`.', resolve: (s) => orNull(s.unit) }),
  }),
});

/** A notification with the calendar it belongs to, which GHL's own shape leaves out. */
export type CalendarNotificationShape = GhlCalendarNotification & { calendarId: string };

export const CalendarNotification = builder.objectRef<CalendarNotificationShape>('CalendarNotification').implement({
  description: 'A message a calendar sends when one of its appointments is booked, changes or comes up.',
  fields: (t) => ({
    id: t.id({ description: "GHL's notification id (`_id`).", resolve: (n) => n._id }),
    calendarId: t.exposeID('calendarId', { description: 'Id of the calendar that sends it.' }),
    receiverType: t.field({ type: CalendarNotificationReceiver, nullable: true, description: 'Who receives it.', resolve: (n) => known(NOTIFICATION_RECEIVERS)(n.receiverType) }),
    channel: t.field({ type: CalendarNotificationChannel, nullable: true, description: 'How it is sent.', resolve: (n) => known(NOTIFICATION_CHANNELS)(n.channel) }),
    notificationType: t.field({ type: CalendarNotificationType, nullable: true, description: 'What it is sent for.', resolve: (n) => known(NOTIFICATION_TYPES)(n.notificationType) }),
    isActive: t.boolean({ description: 'Whether it is sent.', resolve: (n) => n.isActive ?? true }),
    deleted: t.boolean({ description: 'Whether it was deleted (GHL keeps deleted notifications).', resolve: (n) => n.deleted ?? false }),
    subject: t.string({ nullable: true, description: 'Subject of an email.', resolve: (n) => orNull(n.subject) }),
    body: t.string({ nullable: true, description: 'Text of the message.', resolve: (n) => orNull(n.body) }),
    templateId: t.id({ nullable: true, description: 'Id of the message template, if one is used.', resolve: (n) => orNull(n.templateId) }),
    beforeTime: t.field({ type: [CalendarNotificationSchedule], description: 'For reminders: how long before the appointment.', resolve: (n) => n.beforeTime ?? [] }),
    afterTime: t.field({ type: [CalendarNotificationSchedule], description: 'For follow-ups: how long after the appointment.', resolve: (n) => n.afterTime ?? [] }),
    additionalEmailIds: t.stringList({ description: 'Extra email addresses it goes to.', resolve: (n) => n.additionalEmailIds ?? [] }),
    additionalPhoneNumbers: t.stringList({ description: 'Extra phone numbers it goes to.', resolve: (n) => n.additionalPhoneNumbers ?? [] }),
    selectedUsers: t.stringList({ description: 'Users it goes to (ids, or `sub_account_admin`).', resolve: (n) => n.selectedUsers ?? [] }),
  }),
});

export const CalendarNotificationConnection = connectionType(CalendarNotification, 'CalendarNotification', 'calendar notification');
