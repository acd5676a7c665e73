import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import { byName, count, created, ok, param, refuse, stateOf } from './calendars-access.js';
import { resourceDto } from './calendars-present.js';
import type { CalendarResourceRecord, CalendarResourceType } from './calendars-state.js';

/**
 * Calendar resources, equipments and rooms (apps/calendars.json; `Location-Access` only, which the
 * pipeline enforces). Lists and single resources are answered bare; ids go out as `_id` (K11).
 */

type ResourceFields = Pick<CalendarResourceRecord, 'name' | 'description' | 'quantity' | 'outOfService' | 'capacity' | 'calendarIds' | 'isActive'>;

const typeOf = (ctx: RequestContext) => param(ctx, 'resourceType') as CalendarResourceType;

function ownResource(ctx: RequestContext): CalendarResourceRecord {
  const r = stateOf(ctx).resources.get(param(ctx, 'id'));
  if (!r || r.resourceType !== typeOf(ctx)) throw notFound('Calendar resource not found');
  if (r.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return r;
}

/** Checks what a create or update sets: a name, counts of at least 0, the location's own calendars. */
function checked(ctx: RequestContext, input: Partial<ResourceFields>): Partial<ResourceFields> {
  if (input.name !== undefined && !input.name.trim()) throw refuse('name should not be empty');
  for (const k of ['quantity', 'outOfService', 'capacity'] as const) {
    const v = input[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw refuse(`${k} must be a whole number of at least 0`);
  }
  for (const id of input.calendarIds ?? []) {
    const calendar = ctx.store.getCalendar(id);
    if (!calendar || calendar.locationId !== locationOf(ctx)) throw refuse(`calendarIds holds ${id}, which is no calendar of this location`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && k !== 'locationId') out[k] = k === 'name' ? (v as string).trim() : v;
  return out as Partial<ResourceFields>;
}

export const resourceRoutes: RouteTable = {
  'GET /calendars/resources/{resourceType}': (ctx) => {
    const limit = count(ctx.query['limit'], 'limit', 20, 1, 1000);
    const skip = count(ctx.query['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
    const all = [...stateOf(ctx).resources.values()].filter((r) => r.locationId === locationOf(ctx) && r.resourceType === typeOf(ctx)).sort(byName);
    return ok(all.slice(skip, skip + limit).map(resourceDto));
  },

  'GET /calendars/resources/{resourceType}/{id}': (ctx) => ok(resourceDto(ownResource(ctx))),

  'POST /calendars/resources/{resourceType}': (ctx) => {
    const input = checked(ctx, ctx.body as ResourceFields) as ResourceFields;
    const resource: CalendarResourceRecord = { ...input, isActive: input.isActive ?? true, id: ctx.store.newObjectId(), locationId: locationOf(ctx), resourceType: typeOf(ctx), dateAdded: ctx.store.nowIso() };
    stateOf(ctx).resources.set(resource.id, resource);
    return created(resourceDto(resource));
  },

  'PUT /calendars/resources/{resourceType}/{id}': (ctx) => {
    const resource = ownResource(ctx);
    Object.assign(resource, checked(ctx, ctx.body as Partial<ResourceFields>));
    return ok(resourceDto(resource));
  },

  'DELETE /calendars/resources/{resourceType}/{id}': (ctx) => {
    stateOf(ctx).resources.delete(ownResource(ctx).id);
    return ok({ success: true });
  },
};
