import type { GhlContact, GhlCustomFieldValue } from '../../ghl/endpoints/contacts.js';
import { Appointment } from '../appointments/types.js';
import { builder } from '../builder.js';
import { Business } from '../businesses/types.js';
import { Note } from '../notes/types.js';
import { traced } from '../shared/ghl-operation.js';
import { connectionType } from '../shared/pagination.js';
import { byParentId } from '../shared/prefetch.js';
import { Task } from '../tasks/types.js';

export const CustomFieldValue = builder.objectRef<GhlCustomFieldValue>('CustomFieldValue').implement({
  description: "A contact's value for one custom field.",
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's custom field id." }),
    value: t.string({
      nullable: true,
      description: 'The value as text; for multi-value fields, the values joined by ", ".',
      resolve: (f) => (f.value === undefined || f.value === null ? null : Array.isArray(f.value) ? f.value.join(', ') : String(f.value)),
    }),
    values: t.stringList({
      description: 'The value as a list: one entry for single-value fields, none when empty.',
      resolve: (f) => (f.value === undefined || f.value === null || f.value === '' ? [] : Array.isArray(f.value) ? f.value.map(String) : [String(f.value)]),
    }),
  }),
});

const loadTasks = byParentId('Contact', 'tasks', (id, _args, ctx) => ctx.loaders.contactTasks.read(id));
const loadNotes = byParentId('Contact', 'notes', (id, _args, ctx) => ctx.loaders.contactNotes.read(id));
const loadAppointments = byParentId('Contact', 'appointments', (id, _args, ctx) => ctx.loaders.contactAppointments.read(id));

const text = (key: keyof GhlContact) => (c: GhlContact) => (c[key] as string | undefined) || null;

export const Contact = builder.objectRef<GhlContact>('Contact').implement({
  description: 'A person or lead in a GHL location, with everything GHL keeps about them one field away.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's contact id." }),
    locationId: t.id({ nullable: true, description: 'Id of the GHL location (sub-account) that owns the contact.', resolve: text('locationId') }),
    firstName: t.string({ nullable: true, description: 'First name.', resolve: text('firstName') }),
    lastName: t.string({ nullable: true, description: 'Last name.', resolve: text('lastName') }),
    name: t.string({
      nullable: true,
      description: 'Full name: GHL\'s `name`, or first and last name joined.',
      resolve: (c) => c.name || [c.firstName, c.lastName].filter(Boolean).join(' ') || null,
    }),
    email: t.string({ nullable: true, description: 'Email address.', resolve: text('email') }),
    phone: t.string({ nullable: true, description: 'Phone number in E.164 form.', resolve: text('phone') }),
    companyName: t.string({ nullable: true, description: 'Company name as typed on the contact.', resolve: text('companyName') }),
    source: t.string({ nullable: true, description: 'Where the contact came from (form, import, API…).', resolve: text('source') }),
    timezone: t.string({ nullable: true, description: 'IANA time zone, e.g. `America/Chicago`.', resolve: text('timezone') }),
    assignedTo: t.id({ nullable: true, description: 'Id of the GHL user who owns the contact.', resolve: text('assignedTo') }),
    dnd: t.boolean({ description: 'Do-not-disturb: whether all outreach is blocked.', resolve: (c) => c.dnd ?? false }),
    tags: t.stringList({ description: 'Tags on the contact.', resolve: (c) => c.tags ?? [] }),
    dateAdded: t.field({ type: 'DateTime', nullable: true, description: 'When the contact was created.', resolve: text('dateAdded') }),
    dateUpdated: t.field({ type: 'DateTime', nullable: true, description: 'When the contact last changed.', resolve: text('dateUpdated') }),
    customFields: t.field({ type: [CustomFieldValue], description: 'Values of custom fields set on the contact.', resolve: (c) => c.customFields ?? [] }),
    tasks: t.field({
      nullable: true,
      ...traced("The contact's tasks. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.", 'GET /contacts/{contactId}/tasks'),
      type: [Task],
      resolve: (c, _args, ctx) => loadTasks(c.id, {}, ctx),
    }),
    notes: t.field({
      nullable: true,
      ...traced('Notes on the contact. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.', 'GET /contacts/{contactId}/notes'),
      type: [Note],
      resolve: (c, _args, ctx) => loadNotes(c.id, {}, ctx),
    }),
    appointments: t.field({
      nullable: true,
      ...traced("The contact's appointments. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.", 'GET /contacts/{contactId}/appointments'),
      type: [Appointment],
      resolve: (c, _args, ctx) => loadAppointments(c.id, {}, ctx),
    }),
    business: t.field({
      ...traced('The business the contact belongs to, if any.', 'GET /businesses/{businessId}'),
      type: Business,
      nullable: true,
      resolve: (c, _args, ctx) => (c.businessId ? ctx.loaders.business.read(c.businessId) : null),
    }),
  }),
});

export const ContactConnection = connectionType(Contact, 'Contact', 'contact');
