import { AppointmentConnection } from '../appointments/types.js';
import { builder } from '../builder.js';
import { pageArgs } from '../shared/pagination.js';
import { WINDOW_PAGE, windowConnection } from './paging.js';
import { Calendar, CalendarGroup } from './types.js';

/** Links out of a calendar, each through a loader so a list of calendars costs one read per key. */
builder.objectFields(Calendar, (t) => ({
  group: t.field({
    type: CalendarGroup,
    nullable: true,
    description: 'The group the calendar belongs to, if any. GHL: `get-groups` (GET /calendars/groups), read once per request.',
    resolve: (c, _args, ctx) => (c.groupId ? ctx.loaders.calendarGroup.load(c.groupId) : null),
  }),
  events: t.field({
    nullable: true,
    type: AppointmentConnection,
    description: 'Appointments on this calendar starting in a time window, in start order. GHL: `get-calendar-events` (GET /calendars/events). Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.',
    args: {
      startTime: t.arg({ type: 'DateTime', required: true, description: 'Start of the window: events starting at or after it.' }),
      endTime: t.arg({ type: 'DateTime', required: true, description: 'End of the window: events starting at or before it.' }),
      ...pageArgs(t.arg, WINDOW_PAGE),
    },
    resolve: (c, args, ctx) => windowConnection({ ...args, calendarId: c.id }, (w) => ctx.loaders.calendarEvents.load(w)),
  }),
}));
