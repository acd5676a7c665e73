import { GhlNotFoundError } from '../errors.js';
import { operation } from '../operations.js';
import type { WireAssociation } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** apps/associations.json: the association shape is corrected in src/ghl/openapi/wire.ts. */
export type GhlAssociation = WireAssociation;

/**
 * A relation: its own ids, plus the fields of its association that GHL's answer carries
 * (the declared schema), which may be absent.
 */
export interface GhlRelation extends Partial<Omit<GhlAssociation, 'id'>> {
  id: string;
  associationId: string;
  firstRecordId: string;
  secondRecordId: string;
}

export interface GhlPage<T> {
  items: T[];
  /** The count of all matches, when GHL reports it. */
  total: number | null;
}

export interface AssociationCreateBody {
  key: string;
  firstObjectKey: string;
  firstObjectLabel: string;
  secondObjectKey: string;
  secondObjectLabel: string;
}

export interface RelationCreateBody {
  associationId: string;
  firstRecordId: string;
  secondRecordId: string;
}

const ops = {
  list: operation('GET /associations/'),
  get: operation('GET /associations/{associationId}'),
  byKey: operation('GET /associations/key/{key_name}'),
  byObjectKey: operation('GET /associations/objectKey/{objectKey}'),
  create: operation('POST /associations/'),
  update: operation('PUT /associations/{associationId}'),
  remove: operation('DELETE /associations/{associationId}'),
  relations: operation('GET /associations/relations/{recordId}'),
  createRelation: operation('POST /associations/relations'),
  removeRelation: operation('DELETE /associations/relations/{relationId}'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

/**
 * Reads a list answer. The declared body is one object; GHL (and the simulator, ASSUMPTIONS.md
 * AS1) puts the page under `listKey` beside it. A body without that key is read as the one item
 * it declares.
 */
function pageOf<T extends { id: string }>(body: unknown, listKey: string): GhlPage<T> {
  if (!body || typeof body !== 'object') return { items: [], total: null };
  const record = body as Record<string, unknown>;
  const list = record[listKey];
  const items = Array.isArray(list) ? (list as T[]) : typeof record['id'] === 'string' ? [body as T] : [];
  return { items, total: typeof record['total'] === 'number' ? record['total'] : null };
}

/** An empty list answers 404 (AS1: the declared schema cannot describe "nothing"). */
async function orEmpty<T>(read: () => Promise<GhlPage<T>>): Promise<GhlPage<T>> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof GhlNotFoundError && err.status === 404) return { items: [], total: 0 };
    throw err;
  }
}

/** `GET /associations/`: skip and limit are both required. */
export function listAssociations(ctx: GhlCallContext, page: { skip: number; limit: number }): Promise<GhlPage<GhlAssociation>> {
  return orEmpty(async () => {
    const res = await ctx.client.call(ops.list, ctx.credential, { ...call(ctx), query: { locationId: ctx.credential.locationId, skip: page.skip, limit: page.limit } });
    return pageOf<GhlAssociation>(res.data, 'associations');
  });
}

export async function getAssociation(ctx: GhlCallContext, associationId: string): Promise<GhlAssociation> {
  const res = await ctx.client.call<GhlAssociation>(ops.get, ctx.credential, { ...call(ctx), pathParams: { associationId } });
  return res.data;
}

export async function getAssociationByKey(ctx: GhlCallContext, key: string): Promise<GhlAssociation> {
  const res = await ctx.client.call<GhlAssociation>(ops.byKey, ctx.credential, { ...call(ctx), pathParams: { key_name: key }, query: { locationId: ctx.credential.locationId } });
  return res.data;
}

/** Associations with `objectKey` on either side; not paginated. */
export async function listAssociationsByObjectKey(ctx: GhlCallContext, objectKey: string): Promise<GhlAssociation[]> {
  const page = await orEmpty(async () => {
    const res = await ctx.client.call(ops.byObjectKey, ctx.credential, { ...call(ctx), pathParams: { objectKey }, query: { locationId: ctx.credential.locationId } });
    return pageOf<GhlAssociation>(res.data, 'associations');
  });
  return page.items;
}

export async function createAssociation(ctx: GhlCallContext, body: AssociationCreateBody): Promise<GhlAssociation> {
  const res = await ctx.client.call<GhlAssociation>(ops.create, ctx.credential, { ...call(ctx), body: { locationId: ctx.credential.locationId, ...body } });
  return res.data;
}

/** GHL lets only the two labels change, and wants both. */
export async function updateAssociation(ctx: GhlCallContext, associationId: string, labels: { firstObjectLabel: string; secondObjectLabel: string }): Promise<GhlAssociation> {
  const res = await ctx.client.call<GhlAssociation>(ops.update, ctx.credential, { ...call(ctx), pathParams: { associationId }, body: labels });
  return res.data;
}

/** Deletes the association and, per the spec, every relation made under it. */
export async function deleteAssociation(ctx: GhlCallContext, associationId: string): Promise<{ deleted: boolean; id: string; message?: string }> {
  const res = await ctx.client.call<{ deleted: boolean; id: string; message?: string }>(ops.remove, ctx.credential, { ...call(ctx), pathParams: { associationId } });
  return res.data;
}

/**
 * `GET /associations/relations/{recordId}`. The spec's `associationIds` is an array; the client
 * sends one value per key, so one association id at most.
 */
export function listRelations(ctx: GhlCallContext, recordId: string, page: { skip: number; limit: number; associationId?: string }): Promise<GhlPage<GhlRelation>> {
  return orEmpty(async () => {
    const res = await ctx.client.call(ops.relations, ctx.credential, {
      ...call(ctx),
      pathParams: { recordId },
      query: { locationId: ctx.credential.locationId, skip: page.skip, limit: page.limit, associationIds: page.associationId },
    });
    return pageOf<GhlRelation>(res.data, 'relations');
  });
}

export async function createRelation(ctx: GhlCallContext, body: RelationCreateBody): Promise<GhlRelation> {
  const res = await ctx.client.call<GhlRelation>(ops.createRelation, ctx.credential, { ...call(ctx), body: { locationId: ctx.credential.locationId, ...body } });
  return res.data;
}

export async function deleteRelation(ctx: GhlCallContext, relationId: string): Promise<GhlRelation> {
  const res = await ctx.client.call<GhlRelation>(ops.removeRelation, ctx.credential, { ...call(ctx), pathParams: { relationId }, query: { locationId: ctx.credential.locationId } });
  return res.data;
}
