import { badRequest, forbiddenLocation, notFound, unprocessable } from '../errors.js';
import type { RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import type { SimulatorDomain } from './types.js';
import { LocationRecords } from './location-records.js';

/**
 * apps/locations.json, a location's custom values (`/locations/{locationId}/customValues`): named
 * strings that templates insert by `fieldKey`. The official SDK's `getCustomValues`,
 * `createCustomValue`, `getCustomValue`, `updateCustomValue` and `deleteCustomValue` call these
 * (ASSUMPTIONS.md UL14).
 */

interface CustomValue {
  id: string;
  locationId: string;
  name: string;
  value: string;
}

const state = (store: SimulatorStore) => store.domainState('location-custom-values', () => new LocationRecords<CustomValue>('custom value'));

/** `Booking Link` → `{{ custom_values.booking_link }}`, the merge-field form templates use. */
const fieldKey = (name: string): string => `{{ custom_values.${name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')} }}`;
const dto = (v: CustomValue) => ({ id: v.id, name: v.name, fieldKey: fieldKey(v.name), value: v.value, locationId: v.locationId });

function ownValue(ctx: RequestContext): CustomValue {
  const value = state(ctx.store).get(ctx.params['id'] as string);
  if (!value) throw notFound('Custom value not found');
  if (value.locationId !== ctx.params['locationId']) throw forbiddenLocation();
  return value;
}

/** A non-blank name whose field key no other custom value of the location has. */
function checkedInput(ctx: RequestContext, exceptId?: string): { name: string; value: string } {
  const body = ctx.body as { name: string; value: string };
  const name = body.name.trim();
  if (!name || !/[a-z0-9]/i.test(name)) throw unprocessable(['name should not be empty']);
  const key = fieldKey(name);
  const taken = state(ctx.store)
    .list(ctx.params['locationId'] as string)
    .some((v) => v.id !== exceptId && fieldKey(v.name) === key);
  if (taken) throw badRequest(`A custom value with the key ${key} already exists`);
  return { name, value: body.value };
}

const SEEDED = [
  { name: 'Booking Link', value: 'https://example.com/book' },
  { name: 'Support Phone', value: '+1 555 010 0100' },
  { name: 'Office Hours', value: 'Mon-Fri 9:00-17:00' },
];

export const locationCustomValuesDomain: SimulatorDomain = {
  name: 'location-custom-values',
  routes: {
    'GET /locations/{locationId}/customValues': (ctx) => ({ status: 200, body: { customValues: state(ctx.store).list(ctx.params['locationId'] as string).map(dto) } }),
    'POST /locations/{locationId}/customValues': (ctx) => {
      const input = checkedInput(ctx);
      return { status: 201, body: { customValue: dto(state(ctx.store).put({ id: ctx.store.newId(), locationId: ctx.params['locationId'] as string, ...input })) } };
    },
    'GET /locations/{locationId}/customValues/{id}': (ctx) => ({ status: 200, body: { customValue: dto(ownValue(ctx)) } }),
    'PUT /locations/{locationId}/customValues/{id}': (ctx) => {
      const current = ownValue(ctx);
      return { status: 200, body: { customValue: dto(state(ctx.store).put({ ...current, ...checkedInput(ctx, current.id) })) } };
    },
    'DELETE /locations/{locationId}/customValues/{id}': (ctx) => {
      state(ctx.store).delete(ownValue(ctx).id);
      return { status: 200, body: { succeded: true } };
    },
  },
  seed({ store, locations, random }) {
    for (const location of locations) for (const v of SEEDED) state(store).put({ id: random.ghlId(), locationId: location.id, ...v });
  },
};
