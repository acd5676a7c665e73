import type { LocationCreateBody } from '../../ghl/openapi/wire.js';
import { badRequest, forbiddenCompany, notFound, unprocessable } from '../errors.js';
import { assertOwnCompany, oneOfParam, tokenOf } from './companies-access.js';
import { intInRange } from '../params.js';
import { DEFAULT_SETTINGS, SOCIAL_KEYS, createdLocationDto, locationDto, locationSummaryDto, locationsState, oneLineAddress, type LocationProfile } from './locations-state.js';
import { snapshotsState } from './snapshots-state.js';
import type { SimulatorDomain } from './types.js';
import { usersState } from './users-state.js';

/**
 * apps/locations.json, the catalog's part: search (`{locations[]}`), get (`{location}`) and create
 * (a bare location, status 200 as the spec says). A Location token sees only its own location;
 * a Company token the locations of its agency.
 */

const MAX_LIMIT = 100;
const DEFAULT_TIMEZONE = 'US/Central';

/** `CreateLocationDto` (src/ghl/openapi/wire.ts). */
type CreateLocationBody = LocationCreateBody;

export const locationsDomain: SimulatorDomain = {
  name: 'locations',
  routes: {
    /** By name (then id), `order` asc or desc; `email` matches the location's email exactly, ignoring case. */
    'GET /locations/search': (ctx) => {
      const q = ctx.query;
      const token = tokenOf(ctx);
      assertOwnCompany(ctx, q['companyId']);
      const skip = intInRange(q['skip'], 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = intInRange(q['limit'], 'limit', 10, 1, MAX_LIMIT);
      const order = oneOfParam(q['order'], 'order', ['asc', 'desc'] as const, 'asc');
      const email = typeof q['email'] === 'string' && q['email'] ? q['email'].toLowerCase() : null;
      const state = locationsState(ctx.store);
      const rows = ctx.store
        .companyLocations(token.companyId)
        .filter((l) => (token.locationId === null || l.id === token.locationId) && (!email || state.profile(l.id).email?.toLowerCase() === email))
        .sort((a, b) => (order === 'asc' ? 1 : -1) * (a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
      return { status: 200, body: { locations: rows.slice(skip, skip + limit).map((l) => locationSummaryDto(l, state.profile(l.id))) } };
    },

    /** A Location token's other locations were refused by the pipeline's guard (B1); a Company token's by company. */
    'GET /locations/{locationId}': (ctx) => {
      const location = ctx.store.locations.get(ctx.params['locationId'] as string);
      if (!location) throw notFound('Location not found');
      if (location.companyId !== tokenOf(ctx).companyId) throw forbiddenCompany();
      return { status: 200, body: { location: locationDto(location, locationsState(ctx.store).profile(location.id)) } };
    },

    /** Twilio and Mailgun credentials are accepted and dropped: the simulator never stores secrets. */
    'POST /locations/': (ctx) => {
      const body = ctx.body as CreateLocationBody;
      assertOwnCompany(ctx, body.companyId);
      if (!body.name.trim()) throw unprocessable(['name should not be empty']);
      if (body.snapshotId !== undefined) {
        const snapshot = snapshotsState(ctx.store).get(body.snapshotId);
        if (!snapshot || snapshot.companyId !== body.companyId) throw badRequest('Snapshot not found');
      }
      const profile: LocationProfile = {
        street: body.address,
        city: body.city,
        state: body.state,
        postalCode: body.postalCode,
        country: body.country,
        phone: body.phone,
        email: body.prospectInfo?.email,
        website: body.website,
        firstName: body.prospectInfo?.firstName,
        lastName: body.prospectInfo?.lastName,
        settings: { ...DEFAULT_SETTINGS, ...body.settings },
        social: pickSocial(body.social ?? {}),
        dateAdded: ctx.store.nowIso(),
      };
      const address = oneLineAddress(profile);
      const location = ctx.store.createLocation({ companyId: body.companyId, name: body.name.trim(), ...(address ? { address } : {}), timezone: body.timezone ?? DEFAULT_TIMEZONE, userIds: [] });
      profile.domain = `${location.id.toLowerCase()}.sites.simulator.example.com`;
      locationsState(ctx.store).set(location.id, profile);
      return { status: 200, body: createdLocationDto(location, profile) };
    },
  },

  /** Profiles for the seeded locations; the owner is the location's first user (seeded by the users domain). */
  seed({ store, locations, random, baseMs }) {
    const state = locationsState(store);
    for (const seeded of locations) {
      const location = store.locations.get(seeded.id);
      if (!location) continue;
      const owner = location.userIds[0] ? usersState(store).get(location.userIds[0]) : undefined;
      const slug = location.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
      state.set(location.id, {
        ...parseAddress(location.address),
        phone: `+1555${String(random.between(1000000, 9999999))}`,
        email: `hello@${slug}.example.com`,
        website: `https://${slug}.example.com`,
        logoUrl: `https://${slug}.example.com/logo.png`,
        domain: `${slug}.sites.simulator.example.com`,
        ...(owner ? { firstName: owner.firstName, lastName: owner.lastName } : {}),
        settings: { ...DEFAULT_SETTINGS },
        social: { facebookUrl: `https://www.facebook.com/${slug}`, instagram: `https://www.instagram.com/${slug}` },
        dateAdded: new Date(baseMs - random.between(800, 1200) * 86_400_000).toISOString(),
      });
    }
  },
};

/** The seed writes `"<street>, <city>, <ST> <zip>, USA"`; anything else stays one street line. */
function parseAddress(address: string | undefined): Pick<LocationProfile, 'street' | 'city' | 'state' | 'postalCode' | 'country'> {
  const m = address ? /^(.+?), (.+?), ([A-Z]{2}) (\d{5}), USA$/.exec(address) : null;
  if (!m) return address ? { street: address } : {};
  return { street: m[1], city: m[2], state: m[3], postalCode: m[4], country: 'US' };
}

function pickSocial(social: Record<string, string>): Record<string, string> {
  return Object.fromEntries(SOCIAL_KEYS.flatMap((k) => (typeof social[k] === 'string' ? [[k, social[k]]] : [])));
}
