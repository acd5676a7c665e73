import { Appointment } from '../appointments/types.js';
import { builder } from '../builder.js';
import { Note } from '../notes/types.js';
import { changeEventType, changesOf, resolveChange, streamArgs } from '../shared/subscriptions.js';
import { traced } from '../shared/ghl-operation.js';
import { Task } from '../tasks/types.js';
import { contactAppointmentSource, contactNoteSource, contactSource, contactTaskSource } from '../../subscriptions/sources.js';
import { Contact } from './types.js';

const ContactChangeEvent = changeEventType('Contact', Contact, 'contact');
const TaskChangeEvent = changeEventType('Task', Task, 'task');
const NoteChangeEvent = changeEventType('Note', Note, 'note');
const AppointmentChangeEvent = changeEventType('Appointment', Appointment, 'appointment');

builder.subscriptionFields((t) => ({
  contactsChanged: t.field({
    ...traced(
      'Contacts of the location as they are created, updated or deleted, optionally only those matching a search text or carrying tags. Polls the most recently updated contacts (one call per interval, shared by every subscriber); deletions arrive by webhook.',
      'POST /contacts/search',
    ),
    type: ContactChangeEvent,
    args: {
      query: t.arg.string({ description: 'Only contacts whose name, email or phone contains this text.' }),
      tags: t.arg.stringList({ description: 'Only contacts that carry all of these tags.' }),
      ...streamArgs(t.arg),
    },
    subscribe: (_root, args, ctx) => changesOf(ctx, contactSource, { query: args.query ?? null, tags: args.tags ?? null }, args),
    resolve: resolveChange,
  }),
  contactTasksChanged: t.field({
    ...traced("A contact's tasks as they are added, completed, changed or deleted.", 'GET /contacts/{contactId}/tasks'),
    type: TaskChangeEvent,
    args: { contactId: t.arg.id({ required: true, description: "GHL's contact id." }), ...streamArgs(t.arg) },
    subscribe: (_root, args, ctx) => changesOf(ctx, contactTaskSource, { contactId: args.contactId }, args),
    resolve: resolveChange,
  }),
  contactNotesChanged: t.field({
    ...traced("A contact's notes as they are written, changed or deleted.", 'GET /contacts/{contactId}/notes'),
    type: NoteChangeEvent,
    args: { contactId: t.arg.id({ required: true, description: "GHL's contact id." }), ...streamArgs(t.arg) },
    subscribe: (_root, args, ctx) => changesOf(ctx, contactNoteSource, { contactId: args.contactId }, args),
    resolve: resolveChange,
  }),
  contactAppointmentsChanged: t.field({
    ...traced("A contact's appointments as they are booked, changed or cancelled.", 'GET /contacts/{contactId}/appointments'),
    type: AppointmentChangeEvent,
    args: { contactId: t.arg.id({ required: true, description: "GHL's contact id." }), ...streamArgs(t.arg) },
    subscribe: (_root, args, ctx) => changesOf(ctx, contactAppointmentSource, { contactId: args.contactId }, args),
    resolve: resolveChange,
  }),
}));
