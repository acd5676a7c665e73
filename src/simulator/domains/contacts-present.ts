import type { AppointmentRecord, BusinessRecord, ContactRecord, NoteRecord, TaskRecord } from '../store.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Record → wire shape, one function per spec schema. Derived fields (`name`, `*LowerCase`) are
 * computed here so they always agree with the stored names. Absent values are left out rather
 * than sent as null: most of these schemas are not nullable.
 */


const fullName = (c: ContactRecord): string | undefined => [c.firstName, c.lastName].filter(Boolean).join(' ') || undefined;

/** `GetContectByIdSchema` (sic). */
export function contactDto(c: ContactRecord): Record<string, unknown> {
  const name = fullName(c);
  return withoutUndefined({
    id: c.id,
    name,
    locationId: c.locationId,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    emailLowerCase: c.email?.toLowerCase(),
    timezone: c.timezone,
    companyName: c.companyName,
    phone: c.phone,
    dnd: c.dnd,
    dndSettings: c.dndSettings,
    type: c.type,
    source: c.source,
    assignedTo: c.assignedTo,
    address1: c.address1,
    city: c.city,
    state: c.state,
    country: c.country,
    postalCode: c.postalCode,
    website: c.website,
    tags: [...c.tags],
    dateOfBirth: c.dateOfBirth,
    dateAdded: c.dateAdded,
    dateUpdated: c.dateUpdated,
    firstNameLowerCase: c.firstName?.toLowerCase(),
    fullNameLowerCase: name?.toLowerCase(),
    lastNameLowerCase: c.lastName?.toLowerCase(),
    customFields: c.customFields.map((f) => ({ ...f })),
    businessId: c.businessId,
    attributionSource: c.attributionSource,
  });
}

/** `CreateContactSchema`: what `POST /contacts/` returns. */
export function createdContactDto(c: ContactRecord): Record<string, unknown> {
  return withoutUndefined({ ...contactDto(c), deleted: false, gender: c.gender });
}

/**
 * Items of `GET /contacts/` and `GET /contacts/business/{id}` (`ContactsSearchSchema`). That
 * schema lists only a few fields; GHL sends the whole contact, so the full shape plus the
 * schema's own `followers`/`attributions` goes out.
 */
export function listedContactDto(c: ContactRecord): Record<string, unknown> {
  return { ...contactDto(c), followers: [...c.followers], ...(c.attributionSource ? { attributions: [c.attributionSource] } : {}) };
}

/** `TaskSchema`. */
export function taskDto(t: TaskRecord): Record<string, unknown> {
  return withoutUndefined({ id: t.id, title: t.title, body: t.body, assignedTo: t.assignedTo, dueDate: t.dueDate, completed: t.completed, contactId: t.contactId });
}

/** `GetNoteSchema`. */
export function noteDto(n: NoteRecord): Record<string, unknown> {
  return withoutUndefined({ id: n.id, body: n.body, userId: n.userId, dateAdded: n.dateAdded, contactId: n.contactId, title: n.title, color: n.color, pinned: n.pinned });
}

/** `GetEventSchema`. */
export function eventDto(a: AppointmentRecord): Record<string, unknown> {
  return withoutUndefined({
    id: a.id,
    calendarId: a.calendarId,
    status: a.status,
    title: a.title,
    assignedUserId: a.assignedUserId,
    notes: a.notes,
    startTime: a.startTime,
    endTime: a.endTime,
    address: a.address,
    locationId: a.locationId,
    contactId: a.contactId,
    groupId: a.groupId,
    appointmentStatus: a.appointmentStatus,
    users: [...a.users],
    dateAdded: a.dateAdded,
    dateUpdated: a.dateUpdated,
    assignedResources: [...a.assignedResources],
  });
}

/** `BusinessDto`. `createdBy`/`updatedBy` are empty objects in the spec; the simulator sends none. */
export function businessDto(b: BusinessRecord): Record<string, unknown> {
  return withoutUndefined({
    id: b.id,
    name: b.name,
    phone: b.phone,
    email: b.email,
    website: b.website,
    address: b.address,
    city: b.city,
    state: b.state,
    postalCode: b.postalCode,
    country: b.country,
    description: b.description,
    locationId: b.locationId,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  });
}
