import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';

/**
 * The closed sets of apps/calendars.json. Values are GHL's spellings; an unknown value GHL sends
 * reads as null (`known`), so a new GHL value never breaks a query.
 */

/** The GHL value if it is one of `values`, else null. */
export const known =
  <T extends string>(values: readonly T[]) =>
  (raw: string | null | undefined): T | null =>
    values.find((v) => v === raw) ?? null;

export const CALENDAR_TYPES = ['round_robin', 'event', 'class_booking', 'collective', 'service_booking', 'personal'] as const;
export const CalendarType = describedEnum('CalendarType', 'How a calendar hands out its bookings.', {
  ROUND_ROBIN: ['round_robin', 'Bookings rotate among the team members.'],
  EVENT: ['event', 'A simple calendar for one kind of event.'],
  CLASS_BOOKING: ['class_booking', 'Several people book the same session.'],
  COLLECTIVE: ['collective', 'Every team member attends each booking.'],
  SERVICE_BOOKING: ['service_booking', 'Bookings of a service, with resources.'],
  PERSONAL: ['personal', "One user's own calendar."],
});

export const DURATION_UNITS = ['mins', 'hours'] as const;
export const CalendarDurationUnit = describedEnum('CalendarDurationUnit', 'Unit of a calendar duration (slot length, interval, buffer).', {
  MINUTES: ['mins', 'Minutes.'],
  HOURS: ['hours', 'Hours.'],
});

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export const CalendarWeekday = builder.enumType('CalendarWeekday', {
  description: 'A day of the week, as calendar open hours name it.',
  values: {
    SUNDAY: { value: 0, description: 'Sunday.' },
    MONDAY: { value: 1, description: 'Monday.' },
    TUESDAY: { value: 2, description: 'Tuesday.' },
    WEDNESDAY: { value: 3, description: 'Wednesday.' },
    THURSDAY: { value: 4, description: 'Thursday.' },
    FRIDAY: { value: 5, description: 'Friday.' },
    SATURDAY: { value: 6, description: 'Saturday.' },
  } as const,
});

export const MEETING_LOCATION_TYPES = ['custom', 'zoom', 'gmeet', 'phone', 'address', 'ms_teams', 'google'] as const;
export const AppointmentMeetingLocationType = describedEnum('AppointmentMeetingLocationType', 'Where an appointment takes place.', {
  CUSTOM: ['custom', 'A place or link described in the address.'],
  ZOOM: ['zoom', 'A Zoom meeting.'],
  GMEET: ['gmeet', 'A Google Meet meeting.'],
  PHONE: ['phone', 'A phone call.'],
  ADDRESS: ['address', 'A physical address.'],
  MS_TEAMS: ['ms_teams', 'A Microsoft Teams meeting.'],
  GOOGLE: ['google', 'A Google Calendar event.'],
});

export const RESOURCE_TYPES = ['equipments', 'rooms'] as const;
export const CalendarResourceType = describedEnum('CalendarResourceType', 'Kind of a calendar resource.', {
  EQUIPMENT: ['equipments', 'Equipment booked with an appointment.'],
  ROOM: ['rooms', 'A room booked with an appointment.'],
});

export const NOTIFICATION_CHANNELS = ['email', 'inApp', 'sms', 'whatsapp'] as const;
export const CalendarNotificationChannel = describedEnum('CalendarNotificationChannel', 'How a calendar notification is sent.', {
  EMAIL: ['email', 'By email.'],
  IN_APP: ['inApp', 'Inside the GHL app.'],
  SMS: ['sms', 'By text message.'],
  WHATSAPP: ['whatsapp', 'By WhatsApp.'],
});

export const NOTIFICATION_TYPES = ['booked', 'confirmation', 'cancellation', 'reminder', 'followup', 'reschedule'] as const;
export const CalendarNotificationType = describedEnum('CalendarNotificationType', 'What event of an appointment a notification is sent for.', {
  BOOKED: ['booked', 'The appointment was booked.'],
  CONFIRMATION: ['confirmation', 'The appointment was confirmed.'],
  CANCELLATION: ['cancellation', 'The appointment was cancelled.'],
  REMINDER: ['reminder', 'Before the appointment.'],
  FOLLOW_UP: ['followup', 'After the appointment.'],
  RESCHEDULE: ['reschedule', 'The appointment moved.'],
});

export const NOTIFICATION_RECEIVERS = ['contact', 'guest', 'assignedUser', 'emails', 'phoneNumbers', 'business'] as const;
export const CalendarNotificationReceiver = describedEnum('CalendarNotificationReceiver', 'Who receives a calendar notification.', {
  CONTACT: ['contact', 'The contact who booked.'],
  GUEST: ['guest', 'Guests the contact added.'],
  ASSIGNED_USER: ['assignedUser', 'The user who runs the appointment.'],
  EMAILS: ['emails', 'The listed email addresses.'],
  PHONE_NUMBERS: ['phoneNumbers', 'The listed phone numbers.'],
  BUSINESS: ['business', 'The business (location) itself.'],
});
