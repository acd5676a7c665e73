import { builder } from '../builder.js';

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
export const CalendarType = builder.enumType('CalendarType', {
  description: 'How a calendar hands out its bookings.',
  values: {
    ROUND_ROBIN: { value: 'round_robin', description: 'Bookings rotate among the team members.' },
    EVENT: { value: 'event', description: 'A simple calendar for one kind of event.' },
    CLASS_BOOKING: { value: 'class_booking', description: 'Several people book the same session.' },
    COLLECTIVE: { value: 'collective', description: 'Every team member attends each booking.' },
    SERVICE_BOOKING: { value: 'service_booking', description: 'Bookings of a service, with resources.' },
    PERSONAL: { value: 'personal', description: "One user's own calendar." },
  } as const,
});

export const DURATION_UNITS = ['mins', 'hours'] as const;
export const CalendarDurationUnit = builder.enumType('CalendarDurationUnit', {
  description: 'Unit of a calendar duration (slot length, interval, buffer).',
  values: {
    MINUTES: { value: 'mins', description: 'Minutes.' },
    HOURS: { value: 'hours', description: 'Hours.' },
  } as const,
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
export const AppointmentMeetingLocationType = builder.enumType('AppointmentMeetingLocationType', {
  description: 'Where an appointment takes place.',
  values: {
    CUSTOM: { value: 'custom', description: 'A place or link described in the address.' },
    ZOOM: { value: 'zoom', description: 'A Zoom meeting.' },
    GMEET: { value: 'gmeet', description: 'A Google Meet meeting.' },
    PHONE: { value: 'phone', description: 'A phone call.' },
    ADDRESS: { value: 'address', description: 'A physical address.' },
    MS_TEAMS: { value: 'ms_teams', description: 'A Microsoft Teams meeting.' },
    GOOGLE: { value: 'google', description: 'A Google Calendar event.' },
  } as const,
});

export const RESOURCE_TYPES = ['equipments', 'rooms'] as const;
export const CalendarResourceType = builder.enumType('CalendarResourceType', {
  description: 'Kind of a calendar resource.',
  values: {
    EQUIPMENT: { value: 'equipments', description: 'Equipment booked with an appointment.' },
    ROOM: { value: 'rooms', description: 'A room booked with an appointment.' },
  } as const,
});

export const NOTIFICATION_CHANNELS = ['email', 'inApp', 'sms', 'whatsapp'] as const;
export const CalendarNotificationChannel = builder.enumType('CalendarNotificationChannel', {
  description: 'How a calendar notification is sent.',
  values: {
    EMAIL: { value: 'email', description: 'By email.' },
    IN_APP: { value: 'inApp', description: 'Inside the GHL app.' },
    SMS: { value: 'sms', description: 'By text message.' },
    WHATSAPP: { value: 'whatsapp', description: 'By WhatsApp.' },
  } as const,
});

export const NOTIFICATION_TYPES = ['booked', 'confirmation', 'cancellation', 'reminder', 'followup', 'reschedule'] as const;
export const CalendarNotificationType = builder.enumType('CalendarNotificationType', {
  description: 'What event of an appointment a notification is sent for.',
  values: {
    BOOKED: { value: 'booked', description: 'The appointment was booked.' },
    CONFIRMATION: { value: 'confirmation', description: 'The appointment was confirmed.' },
    CANCELLATION: { value: 'cancellation', description: 'The appointment was cancelled.' },
    REMINDER: { value: 'reminder', description: 'Before the appointment.' },
    FOLLOW_UP: { value: 'followup', description: 'After the appointment.' },
    RESCHEDULE: { value: 'reschedule', description: 'The appointment moved.' },
  } as const,
});

export const NOTIFICATION_RECEIVERS = ['contact', 'guest', 'assignedUser', 'emails', 'phoneNumbers', 'business'] as const;
export const CalendarNotificationReceiver = builder.enumType('CalendarNotificationReceiver', {
  description: 'Who receives a calendar notification.',
  values: {
    CONTACT: { value: 'contact', description: 'The contact who booked.' },
    GUEST: { value: 'guest', description: 'Guests the contact added.' },
    ASSIGNED_USER: { value: 'assignedUser', description: 'The user who runs the appointment.' },
    EMAILS: { value: 'emails', description: 'The listed email addresses.' },
    PHONE_NUMBERS: { value: 'phoneNumbers', description: 'The listed phone numbers.' },
    BUSINESS: { value: 'business', description: 'The business (location) itself.' },
  } as const,
});
