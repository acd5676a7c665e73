import { notFound } from '../errors.js';
import type { RequestContext, RouteTable } from '../routes/types.js';
import { count, ok, ownCalendar, param, refuse, stateOf } from './calendars-access.js';
import { notificationDto } from './calendars-present.js';
import type { CalendarNotificationRecord } from './calendars-state.js';

/**
 * Event notifications of a calendar (apps/calendars.json). The spec answers lists and single
 * notifications bare (no envelope) and writes with `{message}`. Deleting is soft: the record
 * stays with `deleted: true`, which the list's `deleted` filter can ask for (K10).
 */

type NotificationFields = Omit<CalendarNotificationRecord, 'id' | 'locationId' | 'calendarId' | 'dateAdded'>;
type NotificationBody = Partial<NotificationFields>;

const WRITABLE = ['receiverType', 'channel', 'notificationType', 'isActive', 'deleted', 'templateId', 'body', 'subject', 'afterTime', 'beforeTime', 'additionalEmailIds', 'additionalPhoneNumbers', 'selectedUsers', 'fromAddress', 'fromName', 'fromNumber'] as const;

function pick(input: NotificationBody): NotificationBody {
  const out: Record<string, unknown> = {};
  for (const k of WRITABLE) if (input[k] !== undefined) out[k] = input[k];
  return out as NotificationBody;
}

function ownNotification(ctx: RequestContext): CalendarNotificationRecord {
  const calendar = ownCalendar(ctx, param(ctx, 'calendarId'));
  const n = stateOf(ctx).notifications.get(param(ctx, 'notificationId'));
  if (!n || n.calendarId !== calendar.id) throw notFound('Notification not found');
  return n;
}

export const notificationRoutes: RouteTable = {
  /** Without `deleted`, soft-deleted notifications are left out. Oldest first, then id. */
  'GET /calendars/{calendarId}/notifications': (ctx) => {
    const calendar = ownCalendar(ctx, param(ctx, 'calendarId'));
    const { isActive, deleted } = ctx.query as { isActive?: boolean; deleted?: boolean };
    const limit = count(ctx.query['limit'], 'limit', 100, 1, 1000);
    const skip = count(ctx.query['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
    const all = [...stateOf(ctx).notifications.values()]
      .filter((n) => n.calendarId === calendar.id && n.deleted === (deleted ?? false) && (isActive === undefined || n.isActive === isActive))
      .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
    return ok(all.slice(skip, skip + limit).map(notificationDto));
  },

  'GET /calendars/{calendarId}/notifications/{notificationId}': (ctx) => ok(notificationDto(ownNotification(ctx))),

  /** One or several notifications for the calendar, answered as the list of those created. */
  'POST /calendars/{calendarId}/notifications': (ctx) => {
    const calendar = ownCalendar(ctx, param(ctx, 'calendarId'));
    const inputs = ctx.body as (NotificationBody & Pick<NotificationFields, 'receiverType' | 'channel' | 'notificationType'>)[];
    if (!Array.isArray(inputs) || inputs.length === 0) throw refuse('Give at least one notification');
    const now = ctx.store.nowIso();
    const made = inputs.map((input): CalendarNotificationRecord => ({
      ...pick(input),
      id: ctx.store.newObjectId(),
      locationId: calendar.locationId,
      calendarId: calendar.id,
      receiverType: input.receiverType,
      channel: input.channel,
      notificationType: input.notificationType,
      isActive: input.isActive ?? true,
      deleted: false,
      dateAdded: now,
    }));
    for (const n of made) stateOf(ctx).notifications.set(n.id, n);
    return ok(made.map(notificationDto));
  },

  'PUT /calendars/{calendarId}/notifications/{notificationId}': (ctx) => {
    Object.assign(ownNotification(ctx), pick(ctx.body as NotificationBody));
    return ok({ message: 'Notification updated successfully' });
  },

  'DELETE /calendars/{calendarId}/notifications/{notificationId}': (ctx) => {
    ownNotification(ctx).deleted = true;
    return ok({ message: 'Notification deleted successfully' });
  },
};
