import { AppointmentConnection } from '../appointments/types.js';
import { builder } from '../builder.js';
import { badUserInput } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { CalendarResourceType } from './enums.js';
import { CalendarNotification, CalendarNotificationConnection, type CalendarNotificationShape } from './notification-types.js';
import { listConnection, offsetConnection, WINDOW_PAGE, windowConnection } from './paging.js';
import { CalendarResource, CalendarResourceConnection, withResourceId, type CalendarResourceShape } from './resource-types.js';
import { BlockedSlotConnection, Calendar, CalendarConnection, CalendarGroup, CalendarGroupConnection, FreeSlotDay, type FreeSlotDayShape } from './types.js';

/** Reads of the calendars domain. Appointment reads live in src/schema/appointments/queries.ts. */

const DAY_MS = 86_400_000;
/** GHL's limit on a free-slots range. */
const MAX_FREE_SLOT_RANGE_MS = 31 * DAY_MS;

/** Page sizes of the calendar lists (GHL serves most of them whole or by skip/limit). */
const LIST_PAGE = { defaultSize: 50, maxSize: 100 };

builder.queryFields((t) => {
  const windowArgs = {
    startTime: t.arg({ type: 'DateTime', required: true, description: 'Start of the window: events starting at or after it.' }),
    endTime: t.arg({ type: 'DateTime', required: true, description: 'End of the window: events starting at or before it.' }),
    calendarId: t.arg.id({ description: 'Only events of this calendar. Give this, `userId` or `groupId`.' }),
    userId: t.arg.id({ description: 'Only events of this GHL user.' }),
    groupId: t.arg.id({ description: 'Only events of calendars in this group.' }),
    ...pageArgs(t.arg, WINDOW_PAGE),
  };

  return {
    calendars: t.field({
      ...traced('Calendars of the location, by name.', 'GET /calendars/'),
      type: CalendarConnection,
      args: {
        groupId: t.arg.id({ description: 'Only calendars of this group.' }),
        showDrafted: t.arg.boolean({ description: 'Include inactive (draft) calendars. Default true.' }),
        ...pageArgs(t.arg, LIST_PAGE),
      },
      resolve: async (_root, args, ctx) => {
        const all = await ctx.loaders.calendarList.load({ ...(args.groupId ? { groupId: args.groupId } : {}), ...(typeof args.showDrafted === 'boolean' ? { showDrafted: args.showDrafted } : {}) });
        return listConnection(args, LIST_PAGE, (c) => c.id, all);
      },
    }),
    calendar: t.field({
      ...traced('One calendar by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /calendars/{calendarId}'),
      type: Calendar,
      nullable: true,
      args: { id: t.arg.id({ required: true, description: "GHL's calendar id." }) },
      resolve: (_root, { id }, ctx) => ctx.loaders.calendar.read(id),
    }),
    calendarGroups: t.field({
      ...traced('Calendar groups of the location.', 'GET /calendars/groups'),
      type: CalendarGroupConnection,
      args: pageArgs(t.arg, LIST_PAGE),
      resolve: async (_root, args, ctx) => listConnection(args, LIST_PAGE, (g) => g.id, await ctx.loaders.calendarGroups.load({})),
    }),
    calendarGroup: t.field({
      ...traced('One calendar group by its GHL id (read from the list of groups, which GHL serves whole).', 'GET /calendars/groups'),
      type: CalendarGroup,
      nullable: true,
      args: { id: t.arg.id({ required: true, description: "GHL's calendar group id." }) },
      resolve: (_root, { id }, ctx) => ctx.loaders.calendarGroup.load(id),
    }),
    calendarFreeSlots: t.field({
      ...traced('Free slots of a calendar between two instants (at most 31 days apart), day by day.', 'GET /calendars/{calendarId}/free-slots'),
      type: [FreeSlotDay],
      args: {
        calendarId: t.arg.id({ required: true, description: "GHL's calendar id." }),
        startDate: t.arg({ type: 'DateTime', required: true, description: 'Earliest slot start.' }),
        endDate: t.arg({ type: 'DateTime', required: true, description: 'Latest slot start; at most 31 days after `startDate`.' }),
        timezone: t.arg.string({ description: 'IANA time zone the days are cut in, e.g. `America/Chicago`. Default: the location\'s.' }),
        userId: t.arg.id({ description: "Only this team member's availability." }),
      },
      resolve: async (_root, args, ctx): Promise<FreeSlotDayShape[]> => {
        const span = args.endDate.getTime() - args.startDate.getTime();
        if (span < 0) throw badUserInput('`endDate` must not be before `startDate`.', { argument: 'endDate' });
        if (span > MAX_FREE_SLOT_RANGE_MS) throw badUserInput('`startDate` and `endDate` may be at most 31 days apart.', { argument: 'endDate' });
        const days = await ctx.loaders.calendarFreeSlots.load({
          calendarId: args.calendarId,
          startDate: args.startDate.getTime(),
          endDate: args.endDate.getTime(),
          ...(args.timezone ? { timezone: args.timezone } : {}),
          ...(args.userId ? { userId: args.userId } : {}),
        });
        // Only date keys: GHL may add other keys (a trace id) beside the days.
        return Object.entries(days)
          .filter(([date, day]) => /^\d{4}-\d{2}-\d{2}$/.test(date) && Array.isArray(day?.slots))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([date, day]) => ({ date, slots: [...day.slots] }));
      },
    }),
    calendarEvents: t.field({
      ...traced('Appointments starting in a time window, of a calendar, a user or a group, in start order.', 'GET /calendars/events'),
      type: AppointmentConnection,
      args: windowArgs,
      resolve: (_root, args, ctx) => windowConnection(args, (w) => ctx.loaders.calendarEvents.load(w)),
    }),
    blockedSlots: t.field({
      ...traced('Blocked slots starting in a time window, of a calendar, a user or a group, in start order.', 'GET /calendars/blocked-slots'),
      type: BlockedSlotConnection,
      args: windowArgs,
      resolve: (_root, args, ctx) => windowConnection(args, (w) => ctx.loaders.blockedSlots.load(w)),
    }),
    calendarNotifications: t.field({
      ...traced('Notifications a calendar sends, oldest first.', 'GET /calendars/{calendarId}/notifications'),
      type: CalendarNotificationConnection,
      args: {
        calendarId: t.arg.id({ required: true, description: "GHL's calendar id." }),
        isActive: t.arg.boolean({ description: 'Only active (true) or inactive (false) notifications.' }),
        deleted: t.arg.boolean({ description: 'Deleted notifications instead of live ones. Default false.' }),
        ...pageArgs(t.arg, LIST_PAGE),
      },
      resolve: (_root, args, ctx) =>
        offsetConnection<CalendarNotificationShape>(args, LIST_PAGE, (n) => n._id, async (skip, limit) => {
          const items = await ctx.loaders.calendarNotifications.load({
            calendarId: args.calendarId,
            limit: limit + 1,
            skip,
            ...(typeof args.isActive === 'boolean' ? { isActive: args.isActive } : {}),
            ...(typeof args.deleted === 'boolean' ? { deleted: args.deleted } : {}),
          });
          return { items: items.map((n) => ({ ...n, calendarId: args.calendarId })), hasMore: items.length > limit };
        }),
    }),
    calendarNotification: t.field({
      ...traced('One notification of a calendar.', 'GET /calendars/{calendarId}/notifications/{notificationId}'),
      type: CalendarNotification,
      nullable: true,
      args: { calendarId: t.arg.id({ required: true, description: "GHL's calendar id." }), id: t.arg.id({ required: true, description: "GHL's notification id." }) },
      resolve: async (_root, { calendarId, id }, ctx) => ({ ...(await ctx.loaders.calendarNotification.load({ calendarId, id })), calendarId }),
    }),
    calendarResources: t.field({
      ...traced('Equipment or rooms of the location, by name.', 'GET /calendars/resources/{resourceType}'),
      type: CalendarResourceConnection,
      args: { resourceType: t.arg({ type: CalendarResourceType, required: true, description: 'Equipment or rooms.' }), ...pageArgs(t.arg, LIST_PAGE) },
      resolve: (_root, args, ctx) =>
        offsetConnection<CalendarResourceShape>(args, LIST_PAGE, (r) => r.id, async (skip, limit) => {
          const items = await ctx.loaders.calendarResources.load({ resourceType: args.resourceType, limit: limit + 1, skip });
          return { items: items.map((r) => withResourceId(r)).filter((r): r is CalendarResourceShape => r !== null), hasMore: items.length > limit };
        }),
    }),
    calendarResource: t.field({
      ...traced('One piece of equipment or room by its GHL id.', 'GET /calendars/resources/{resourceType}/{id}'),
      type: CalendarResource,
      nullable: true,
      args: { resourceType: t.arg({ type: CalendarResourceType, required: true, description: 'Equipment or room.' }), id: t.arg.id({ required: true, description: "GHL's resource id." }) },
      resolve: async (_root, { resourceType, id }, ctx) => withResourceId(await ctx.loaders.calendarResource.load({ resourceType, id }), id),
    }),
  };
});
