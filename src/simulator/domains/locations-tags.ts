import { badRequest, forbiddenLocation, notFound, unprocessable } from '../errors.js';
import type { RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import type { SimulatorDomain } from './types.js';
import { LocationRecords } from './location-records.js';

/**
 * apps/locations.json, the location's tag list (`/locations/{locationId}/tags`), which the
 * official SDK's `getLocationTags`, `createTag`, `getTagById`, `updateTag` and `deleteTag` call
 * (ASSUMPTIONS.md UL13). The list is its own record: adding a tag to a contact does not add it here.
 */

interface LocationTag {
  id: string;
  locationId: string;
  name: string;
}

const state = (store: SimulatorStore) => store.domainState('location-tags', () => new LocationRecords<LocationTag>('location tag'));
const dto = (t: LocationTag) => ({ id: t.id, name: t.name, locationId: t.locationId });

/** A tag of the path's location (the pipeline's guard already refused another location's path, B1). */
function ownTag(ctx: RequestContext): LocationTag {
  const tag = state(ctx.store).get(ctx.params['tagId'] as string);
  if (!tag) throw notFound('Tag not found');
  if (tag.locationId !== ctx.params['locationId']) throw forbiddenLocation();
  return tag;
}

/** A trimmed, non-blank name no other tag of the location has (case-insensitively). */
function tagName(ctx: RequestContext, exceptId?: string): string {
  const name = String((ctx.body as { name: string }).name).trim();
  if (!name) throw unprocessable(['name should not be empty']);
  const taken = state(ctx.store)
    .list(ctx.params['locationId'] as string)
    .some((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase());
  if (taken) throw badRequest(`The tag ${name} already exists`);
  return name;
}

export const locationTagsDomain: SimulatorDomain = {
  name: 'location-tags',
  routes: {
    'GET /locations/{locationId}/tags': (ctx) => ({ status: 200, body: { tags: state(ctx.store).list(ctx.params['locationId'] as string).map(dto) } }),
    'POST /locations/{locationId}/tags': (ctx) => {
      const name = tagName(ctx);
      const tag = state(ctx.store).put({ id: ctx.store.newId(), locationId: ctx.params['locationId'] as string, name });
      return { status: 200, body: { tag: dto(tag) } };
    },
    'GET /locations/{locationId}/tags/{tagId}': (ctx) => ({ status: 200, body: { tag: dto(ownTag(ctx)) } }),
    'PUT /locations/{locationId}/tags/{tagId}': (ctx) => {
      const tag = ownTag(ctx);
      return { status: 200, body: { tag: dto(state(ctx.store).put({ ...tag, name: tagName(ctx, tag.id) })) } };
    },
    'DELETE /locations/{locationId}/tags/{tagId}': (ctx) => {
      state(ctx.store).delete(ownTag(ctx).id);
      return { status: 200, body: { succeded: true } };
    },
  },
  /** The distinct tags of each location's seeded contacts, as GHL lists the tags a location uses. */
  seed({ store, locations, random }) {
    for (const location of locations) {
      const names = [...new Set(store.listContacts(location.id).flatMap((c) => c.tags))].sort();
      for (const name of names) state(store).put({ id: random.ghlId(), locationId: location.id, name });
    }
  },
};
