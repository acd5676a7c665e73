import { badRequest, forbiddenLocation, notFound, unprocessable } from '../errors.js';
import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import { eventDto, noteDto, taskDto } from './contacts-present.js';
import { addFollowers, assertNotDuplicate, mergeCustomFields, monetaryValue, nonBlankName, placement, removeFollowers, writeStatus, type OpportunityWriteBody } from './opportunities-input.js';
import { opportunityDto, pipelineDto } from './opportunities-present.js';
import { listOpportunities } from './opportunities-list.js';
import { searchOpportunities, type OpportunitySearchBody } from './opportunities-search.js';
import { seedOpportunities } from './opportunities-seed.js';
import { opportunitiesState, type OpportunityRecord } from './opportunities-state.js';
import type { SimulatorDomain } from './types.js';

/**
 * apps/opportunities.json. Envelopes and status codes are the spec's (`succeded` sic, 201 for
 * create and followers add). An opportunity of another location answers 403, an unknown one 404,
 * as for contacts (ASSUMPTIONS B2).
 */

const ok = (body: unknown) => ({ status: 200, body });
const created = (body: unknown) => ({ status: 201, body });
const state = (ctx: RequestContext) => opportunitiesState(ctx.store);
const body = <T>(ctx: RequestContext): T => ctx.body as T;
const present = (ctx: RequestContext, o: OpportunityRecord) => opportunityDto(o, ctx.store.getContact(o.contactId));

function ownOpportunity(ctx: RequestContext, id = ctx.params['id'] as string): OpportunityRecord {
  const o = state(ctx).get(id);
  if (!o) throw notFound('Opportunity not found');
  if (o.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return o;
}

/** A contact named in a body: unknown ids are refused like other ids in a body (400). */
function contactOfLocation(ctx: RequestContext, contactId: string): string {
  const contact = ctx.store.getContact(contactId);
  if (!contact) throw badRequest('contactId must be the id of a contact of this location');
  if (contact.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return contact.id;
}

function create(ctx: RequestContext, input: OpportunityWriteBody & { contactId: string; name: string }): OpportunityRecord {
  const locationId = locationOf(ctx);
  const contactId = contactOfLocation(ctx, input.contactId);
  const where = placement(state(ctx), locationId, null, input);
  assertNotDuplicate(state(ctx), locationId, contactId, where.pipelineId);
  return state(ctx).create({
    locationId,
    contactId,
    name: nonBlankName(input.name) as string,
    ...where,
    status: writeStatus(input.status) ?? 'open',
    monetaryValue: monetaryValue(input.monetaryValue),
    assignedTo: input.assignedTo,
    lostReasonId: input.lostReasonId,
    customFields: mergeCustomFields([], input.customFields),
  });
}

function update(ctx: RequestContext, o: OpportunityRecord, input: OpportunityWriteBody): OpportunityRecord {
  const where = placement(state(ctx), o.locationId, o, input);
  if (where.pipelineId !== o.pipelineId) assertNotDuplicate(state(ctx), o.locationId, o.contactId, where.pipelineId, o.id);
  const patch = {
    ...where,
    name: nonBlankName(input.name),
    status: writeStatus(input.status),
    monetaryValue: monetaryValue(input.monetaryValue),
    assignedTo: input.assignedTo,
    lostReasonId: input.lostReasonId,
    customFields: mergeCustomFields(o.customFields, input.customFields),
  };
  // Fields the body leaves out stay as they are.
  return state(ctx).update(o.id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
}

interface UpsertBody extends OpportunityWriteBody {
  id?: string;
  locationId: string;
  followers: string[];
  isRemoveAllFollowers: boolean;
  followersActionType: 'add' | 'remove';
}

export const opportunityRoutes: RouteTable = {
  'POST /opportunities/search': (ctx) => {
    const input = body<OpportunitySearchBody>(ctx);
    const { hits, total } = searchOpportunities(state(ctx).listOf(locationOf(ctx)), (id) => ctx.store.getContact(id), input);
    const more = input.additionalDetails;
    const opportunities = hits.map(({ opportunity: o, searchAfter }) => ({
      ...present(ctx, o),
      ...(more.notes ? { notes: ctx.store.listNotes(o.contactId).map(noteDto) } : {}),
      ...(more.tasks ? { tasks: ctx.store.listTasks(o.contactId).map(taskDto) } : {}),
      ...(more.calendarEvents ? { calendarEvents: ctx.store.listAppointments(o.contactId).map(eventDto) } : {}),
      searchAfter,
    }));
    return ok({ opportunities, total, aggregations: {} });
  },

  'GET /opportunities/search': (ctx) => {
    const { hits, meta } = listOpportunities(state(ctx).listOf(locationOf(ctx)), (id) => ctx.store.getContact(id), ctx.query);
    const q = ctx.query as { getNotes?: boolean; getTasks?: boolean; getCalendarEvents?: boolean };
    const opportunities = hits.map((o) => ({
      ...present(ctx, o),
      ...(q.getNotes ? { notes: ctx.store.listNotes(o.contactId).map(noteDto) } : {}),
      ...(q.getTasks ? { tasks: ctx.store.listTasks(o.contactId).map(taskDto) } : {}),
      ...(q.getCalendarEvents ? { calendarEvents: ctx.store.listAppointments(o.contactId).map(eventDto) } : {}),
    }));
    return ok({ opportunities, meta, aggregations: {} });
  },

  'GET /opportunities/pipelines': (ctx) => ok({ pipelines: state(ctx).pipelinesOf(locationOf(ctx)).map(pipelineDto) }),

  'GET /opportunities/{id}': (ctx) => ok({ opportunity: present(ctx, ownOpportunity(ctx)) }),

  'POST /opportunities/': (ctx) => created({ opportunity: present(ctx, create(ctx, body(ctx))) }),

  'PUT /opportunities/{id}': (ctx) => ok({ opportunity: present(ctx, update(ctx, ownOpportunity(ctx), body(ctx))) }),

  'DELETE /opportunities/{id}': (ctx) => {
    state(ctx).delete(ownOpportunity(ctx).id);
    return ok({ succeded: true });
  },

  'PUT /opportunities/{id}/status': (ctx) => {
    const o = ownOpportunity(ctx);
    const input = body<{ status: string; lostReasonId?: string }>(ctx);
    state(ctx).update(o.id, { status: writeStatus(input.status), ...(input.lostReasonId ? { lostReasonId: input.lostReasonId } : {}) });
    return ok({ succeded: true });
  },

  /**
   * Matches by `id`, else by contact and pipeline (the one-per-pipeline rule makes that unique),
   * else creates. `contactId` is not in `UpsertOpportunityDto` but GHL's guide sends it; without it
   * only an update by `id` is possible.
   */
  'POST /opportunities/upsert': (ctx) => {
    const input = body<UpsertBody>(ctx);
    const st = state(ctx);
    let target: OpportunityRecord | undefined;
    if (input.id !== undefined) {
      target = ownOpportunity(ctx, input.id);
    } else if (input.contactId !== undefined) {
      const contactId = contactOfLocation(ctx, input.contactId);
      target = st.listOf(input.locationId).find((o) => o.contactId === contactId && o.pipelineId === input.pipelineId);
    }
    const isNew = target === undefined;
    if (isNew) {
      if (input.contactId === undefined) throw unprocessable(['contactId should not be empty when no id is given']);
      if (input.name === undefined) throw unprocessable(['name should not be empty when no id is given']);
    }
    const o = target ? update(ctx, target, input) : create(ctx, input as UpsertBody & { contactId: string; name: string });
    const base = input.isRemoveAllFollowers ? [] : o.followers;
    const followers = input.followersActionType === 'remove' ? removeFollowers(base, input.followers).followers : addFollowers(base, input.followers).followers;
    if (followers.join() !== o.followers.join()) st.update(o.id, { followers });
    return ok({ opportunity: present(ctx, o), new: isNew });
  },

  'POST /opportunities/{id}/followers': (ctx) => {
    const o = ownOpportunity(ctx);
    const { followers, added } = addFollowers(o.followers, body<{ followers: string[] }>(ctx).followers);
    if (added.length) state(ctx).update(o.id, { followers });
    return created({ followers, followersAdded: added });
  },

  'DELETE /opportunities/{id}/followers': (ctx) => {
    const o = ownOpportunity(ctx);
    const ids = ctx.query['isRemoveAllFollowers'] === true ? 'all' : body<{ followers: string[] }>(ctx).followers;
    const { followers, removed } = removeFollowers(o.followers, ids);
    if (removed.length) state(ctx).update(o.id, { followers });
    return ok({ followers, followersRemoved: removed });
  },
};

/** apps/opportunities.json: handlers, state (via store.domainState) and seed. See domains/types.ts. */
export const opportunitiesDomain: SimulatorDomain = {
  name: 'opportunities',
  routes: opportunityRoutes,
  seed: seedOpportunities,
};
