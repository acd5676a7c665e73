import type { GhlCalendarResource } from '../../ghl/endpoints/calendars.js';
import { builder } from '../builder.js';
import { connectionType } from '../shared/pagination.js';
import { CalendarResourceType } from './enums.js';
import { orNull } from './types.js';

/** A resource with its id resolved: GHL sends `_id` (the spec names none). */
export type CalendarResourceShape = GhlCalendarResource & { id: string };

/** Null when GHL sent no id at all, which would leave the resource unaddressable. */
export function withResourceId(r: GhlCalendarResource, fallbackId?: string): CalendarResourceShape | null {
  const id = r._id ?? r.id ?? fallbackId;
  return id ? { ...r, id } : null;
}

export const CalendarResource = builder.objectRef<CalendarResourceShape>('CalendarResource').implement({
  description: 'Equipment or a room that service calendars book together with appointments.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's resource id." }),
    locationId: t.exposeID('locationId', { description: 'Id of the GHL location (sub-account) that owns it.' }),
    resourceType: t.field({ type: CalendarResourceType, description: 'Equipment or room.', resolve: (r) => r.resourceType }),
    name: t.exposeString('name', { description: 'Name of the resource.' }),
    description: t.string({ nullable: true, description: 'Free-text description.', resolve: (r) => orNull(r.description) }),
    isActive: t.boolean({ description: 'Whether it can be booked.', resolve: (r) => r.isActive }),
    quantity: t.int({ nullable: true, description: 'How many there are (equipment).', resolve: (r) => r.quantity ?? null }),
    outOfService: t.int({ nullable: true, description: 'How many of them are out of service.', resolve: (r) => r.outOfService ?? null }),
    capacity: t.int({ nullable: true, description: 'How many people it holds (rooms).', resolve: (r) => r.capacity ?? null }),
    calendarIds: t.idList({ description: 'Ids of the service calendars that book it.', resolve: (r) => r.calendarIds ?? [] }),
  }),
});

export const CalendarResourceConnection = connectionType(CalendarResource, 'CalendarResource', 'calendar resource');
