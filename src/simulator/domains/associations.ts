import { badRequest, forbiddenLocation, notFound, unprocessable } from '../errors.js';
import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import { ownBusiness, ownContact } from './contacts-access.js';
import { seedAssociations } from './associations-seed.js';
import { associationDto, associationsState, relationDto, type AssociationRecord, type RelationRecord } from './associations-state.js';
import type { SimulatorDomain } from './types.js';
import { intParam } from '../params.js';

/**
 * apps/associations.json. Every 2xx but the association delete is declared as one association
 * object (`GetPostSuccessfulResponseDto`), lists included; how the lists still carry a page is
 * ASSUMPTIONS.md AS1.
 */

const MAX_LIMIT = 1000;
/** Object keys a user may link: contacts and custom objects (the create operation's description). */
const USER_OBJECT_KEY = /^(contact|custom_objects\.[a-z][a-z0-9_]*)$/;
const ASSOCIATION_KEY = /^[a-z][a-z0-9_]*$/;


function page<T>(items: T[], query: Record<string, unknown>): T[] {
  const skip = intParam(query['skip'], 'skip', undefined, 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(query['limit'], 'limit', undefined, 1, MAX_LIMIT);
  return items.slice(skip, skip + limit);
}

/** AS1: the first item is the body (the declared schema), the whole page rides along under `listKey`. */
function listBody(items: Record<string, unknown>[], listKey: 'associations' | 'relations', total: number): Record<string, unknown> {
  const head = items[0];
  if (!head) throw notFound(listKey === 'associations' ? 'No associations found' : 'No relations found');
  return { ...head, [listKey]: items, total };
}

/** The spec types labels and object keys as free-form; GHL stores strings. */
function text(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string') throw unprocessable([`${name} must be a string`]);
  if (!v.trim()) throw unprocessable([`${name} should not be empty`]);
  return v.trim();
}

function ownAssociation(ctx: RequestContext, id: string): AssociationRecord {
  const a = associationsState(ctx.store).associations.get(id);
  if (!a) throw notFound('Association not found');
  if (a.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return a;
}

function ownRelation(ctx: RequestContext, id: string): { relation: RelationRecord; association: AssociationRecord } {
  const state = associationsState(ctx.store);
  const relation = state.relations.get(id);
  const association = relation && state.associations.get(relation.associationId);
  if (!relation || !association) throw notFound('Relation not found');
  if (relation.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return { relation, association };
}

function userDefined(a: AssociationRecord, action: string): void {
  if (a.associationType !== 'USER_DEFINED') throw badRequest(`SYSTEM_DEFINED associations cannot be ${action}`);
}

/** A record named in a relation must exist where the simulator knows the object (AS4). */
function checkRecord(ctx: RequestContext, objectKey: string, id: string): void {
  if (objectKey === 'contact') ownContact(ctx, id);
  else if (objectKey === 'business') ownBusiness(ctx, id);
}

const routes: RouteTable = {
  'GET /associations/': (ctx) => {
    const all = associationsState(ctx.store).listAssociations(locationOf(ctx));
    return { status: 200, body: listBody(page(all, ctx.query).map(associationDto), 'associations', all.length) };
  },

  'GET /associations/{associationId}': (ctx) => ({ status: 200, body: associationDto(ownAssociation(ctx, ctx.params['associationId'] as string)) }),

  'GET /associations/key/{key_name}': (ctx) => {
    const found = associationsState(ctx.store).byKey(locationOf(ctx), ctx.params['key_name'] as string);
    if (!found) throw notFound('Association not found');
    return { status: 200, body: associationDto(found) };
  },

  'GET /associations/objectKey/{objectKey}': (ctx) => {
    const objectKey = ctx.params['objectKey'] as string;
    const matching = associationsState(ctx.store)
      .listAssociations(locationOf(ctx))
      .filter((a) => a.firstObjectKey === objectKey || a.secondObjectKey === objectKey);
    return { status: 200, body: listBody(matching.map(associationDto), 'associations', matching.length) };
  },

  'POST /associations/': (ctx) => {
    const body = ctx.body as Record<string, unknown>;
    const locationId = locationOf(ctx);
    const key = text(body, 'key');
    if (!ASSOCIATION_KEY.test(key)) throw unprocessable(['key must contain only lowercase letters, digits and underscores, starting with a letter']);
    const firstObjectKey = text(body, 'firstObjectKey');
    const secondObjectKey = text(body, 'secondObjectKey');
    for (const [name, value] of [['firstObjectKey', firstObjectKey], ['secondObjectKey', secondObjectKey]] as const) {
      if (!USER_OBJECT_KEY.test(value)) throw badRequest(`${name} must be "contact" or a custom object key (custom_objects.<name>)`);
    }
    const state = associationsState(ctx.store);
    if (state.byKey(locationId, key)) throw badRequest(`Association with key ${key} already exists`);
    const created = state.addAssociation({
      locationId,
      key,
      firstObjectKey,
      firstObjectLabel: text(body, 'firstObjectLabel'),
      secondObjectKey,
      secondObjectLabel: text(body, 'secondObjectLabel'),
      associationType: 'USER_DEFINED',
    });
    return { status: 201, body: associationDto(created) };
  },

  'PUT /associations/{associationId}': (ctx) => {
    const association = ownAssociation(ctx, ctx.params['associationId'] as string);
    userDefined(association, 'updated');
    const body = ctx.body as Record<string, unknown>;
    const updated = associationsState(ctx.store).updateLabels(association.id, { firstObjectLabel: text(body, 'firstObjectLabel'), secondObjectLabel: text(body, 'secondObjectLabel') });
    return { status: 200, body: associationDto(updated) };
  },

  'DELETE /associations/{associationId}': (ctx) => {
    const association = ownAssociation(ctx, ctx.params['associationId'] as string);
    userDefined(association, 'deleted');
    associationsState(ctx.store).deleteAssociation(association.id);
    return { status: 200, body: { deleted: true, id: association.id, message: 'Association deleted successfully' } };
  },

  'POST /associations/relations': (ctx) => {
    const body = ctx.body as { locationId: string; associationId: string; firstRecordId: string; secondRecordId: string };
    const association = ownAssociation(ctx, body.associationId);
    if (!body.firstRecordId.trim() || !body.secondRecordId.trim()) throw unprocessable(['firstRecordId and secondRecordId should not be empty']);
    if (body.firstRecordId === body.secondRecordId) throw badRequest('A record cannot be related to itself');
    checkRecord(ctx, association.firstObjectKey, body.firstRecordId);
    checkRecord(ctx, association.secondObjectKey, body.secondRecordId);
    const state = associationsState(ctx.store);
    // GHL's own wording for this refusal (highlevel-api-docs issue #73).
    if (state.findDuplicate(association.id, body.firstRecordId, body.secondRecordId)) {
      throw badRequest(`Could not create relation: duplicate relation of object Ids for given association ${association.id}`);
    }
    const relation = state.addRelation({ locationId: association.locationId, associationId: association.id, firstRecordId: body.firstRecordId, secondRecordId: body.secondRecordId });
    return { status: 201, body: relationDto(relation, association) };
  },

  'GET /associations/relations/{recordId}': (ctx) => {
    const state = associationsState(ctx.store);
    const wanted = ctx.query['associationIds'] as string[] | undefined;
    const all = state.relationsOf(locationOf(ctx), ctx.params['recordId'] as string).filter((r) => !wanted?.length || wanted.includes(r.associationId));
    const items = page(all, ctx.query).map((r) => relationDto(r, state.associations.get(r.associationId) as AssociationRecord));
    return { status: 200, body: listBody(items, 'relations', all.length) };
  },

  'DELETE /associations/relations/{relationId}': (ctx) => {
    const { relation, association } = ownRelation(ctx, ctx.params['relationId'] as string);
    associationsState(ctx.store).relations.delete(relation.id);
    return { status: 200, body: relationDto(relation, association) };
  },
};

/** apps/associations.json: handlers, state (associations-state.ts) and seed (associations-seed.ts). */
export const associationsDomain: SimulatorDomain = {
  name: 'associations',
  routes,
  seed: seedAssociations,
};
