import { Appointment } from '../appointments/types.js';
import { builder } from '../builder.js';
import { badUserInput } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { changeEventType, changesOf, resolveChange, streamArgs } from '../shared/subscriptions.js';
import { calendarEventSource } from '../../subscriptions/sources.js';

const CalendarEventChangeEvent = changeEventType('CalendarEvent', Appointment, 'appointment');

/** A window GHL answers in one call; wider ones would poll a month of events every interval. */
const MAX_WINDOW_DAYS = 31;

builder.subscriptionField('calendarEventsChanged', (t) =>
  t.field({
    ...traced('Appointments of a calendar, user or group within a time window, as they are booked, changed or cancelled.', 'GET /calendars/events'),
    type: CalendarEventChangeEvent,
    args: {
      calendarId: t.arg.id({ description: 'Watch this calendar (give one of calendarId, userId, groupId).' }),
      userId: t.arg.id({ description: "Watch this user's appointments." }),
      groupId: t.arg.id({ description: "Watch this calendar group's appointments." }),
      from: t.arg({ type: 'DateTime', required: true, description: 'Start of the window.' }),
      to: t.arg({ type: 'DateTime', required: true, description: `End of the window, at most ${MAX_WINDOW_DAYS} days after its start.` }),
      ...streamArgs(t.arg),
    },
    subscribe: (_root, args, ctx) => {
      if (!args.calendarId && !args.userId && !args.groupId) throw badUserInput('Give one of calendarId, userId or groupId.', { argument: 'calendarId' });
      const startTime = args.from.getTime();
      const endTime = args.to.getTime();
      if (endTime <= startTime || endTime - startTime > MAX_WINDOW_DAYS * 86_400_000) {
        throw badUserInput(`\`to\` must be after \`from\`, by at most ${MAX_WINDOW_DAYS} days.`, { argument: 'to' });
      }
      return changesOf(ctx, calendarEventSource, { calendarId: args.calendarId ?? null, userId: args.userId ?? null, groupId: args.groupId ?? null, startTime, endTime }, args);
    },
    resolve: resolveChange,
  }),
);
