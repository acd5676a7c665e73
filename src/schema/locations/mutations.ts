import type { LocationCreateBody } from '../../ghl/endpoints/locations.js';
import { createLocation } from '../../ghl/endpoints/locations.js';
import { builder } from '../builder.js';
import { agencyCompanyId, requireAgency } from '../companies/agency.js';
import type { UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { recordPayload, runMutation } from '../shared/mutation.js';
import { collect, email, nonBlank, phone } from '../shared/validate.js';
import { Location } from './types.js';

const LOCATION_INPUT_FIELDS = ['name', 'phone', 'address', 'city', 'state', 'postalCode', 'country', 'website', 'timezone', 'snapshotId', 'prospect', 'settings'] as const;

const LocationProspectInput = builder.inputType('LocationProspectInput', {
  description: 'The person the sub-account is created for (its owner).',
  fields: (t) => ({
    firstName: t.string({ required: true, description: 'First name.' }),
    lastName: t.string({ required: true, description: 'Last name.' }),
    email: t.string({ required: true, description: 'Email address.' }),
  }),
});

const LocationSettingsInput = builder.inputType('LocationSettingsInput', {
  description: 'Duplicate and time zone settings of a new location; left out means off.',
  fields: (t) => ({
    allowDuplicateContact: t.boolean({ description: 'Whether two contacts may share an email or phone number.' }),
    allowDuplicateOpportunity: t.boolean({ description: 'Whether a contact may have several open opportunities in one pipeline.' }),
    allowFacebookNameMerge: t.boolean({ description: 'Whether names from Facebook may overwrite contact names.' }),
    disableContactTimezone: t.boolean({ description: "Whether contacts' own time zones are ignored." }),
  }),
});

const LocationCreateInput = builder.inputType('LocationCreateInput', {
  description: "A new location (sub-account) under the caller's agency.",
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name of the sub-account.' }),
    phone: t.string({ description: 'Phone number of the business in E.164 form, e.g. `+14155550123`.' }),
    address: t.string({ description: 'Street address.' }),
    city: t.string({ description: 'City.' }),
    state: t.string({ description: 'State or region.' }),
    postalCode: t.string({ description: 'Postal code.' }),
    country: t.string({ description: 'Country, as a two-letter code (e.g. `US`).' }),
    website: t.string({ description: 'Website of the business.' }),
    timezone: t.string({ description: 'IANA time zone, e.g. `America/Chicago`.' }),
    snapshotId: t.id({ description: 'Snapshot to load into the new location (see `snapshots`).' }),
    prospect: t.field({ type: LocationProspectInput, description: 'The owner the sub-account is created for.' }),
    settings: t.field({ type: LocationSettingsInput, description: 'Duplicate and time zone settings.' }),
  }),
});

const LocationCreatePayload = recordPayload('LocationCreatePayload', 'Result of `locationCreate`.', 'location', Location, 'The new location; null when nothing was created.');

function country(path: string[], value: string | null | undefined): UserErrorShape | null {
  if (value === null || value === undefined) return null;
  return /^[A-Z]{2}$/.test(value) ? null : { code: 'INVALID', field: path, message: 'country must be a two-letter country code, e.g. US.' };
}

builder.mutationFields((t) => ({
  locationCreate: t.field({
    ...traced("Creates a location (sub-account) under the caller's agency. Needs an agency installation.", 'POST /locations/'),
    type: LocationCreatePayload,
    args: { input: t.arg({ type: LocationCreateInput, required: true, description: 'The new location.' }) },
    resolve: async (_root, { input }, ctx) => {
      const agency = requireAgency(ctx);
      const { prospect, settings } = input;
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(
          nonBlank(['input', 'name'], input.name),
          phone(['input', 'phone'], input.phone),
          country(['input', 'country'], input.country),
          prospect ? email(['input', 'prospect', 'email'], prospect.email) : null,
          prospect ? nonBlank(['input', 'prospect', 'firstName'], prospect.firstName) : null,
          prospect ? nonBlank(['input', 'prospect', 'lastName'], prospect.lastName) : null,
        ),
        inputFields: LOCATION_INPUT_FIELDS,
        fieldNames: { prospectInfo: 'prospect' },
        call: () => {
          const body: LocationCreateBody = { name: input.name.trim(), companyId: agencyCompanyId(ctx) };
          for (const key of ['phone', 'address', 'city', 'state', 'postalCode', 'country', 'website', 'timezone', 'snapshotId'] as const) {
            const v = input[key];
            if (v !== null && v !== undefined) body[key] = v;
          }
          if (prospect) body.prospectInfo = { firstName: prospect.firstName, lastName: prospect.lastName, email: prospect.email };
          if (settings) body.settings = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null && v !== undefined));
          return createLocation(agency, body);
        },
        // The agency's `locationCount` changed too.
        stale: () => ({ records: { company: [agencyCompanyId(ctx)] }, lists: ['locationSearch'] }),
      });
      return { location: result, userErrors };
    },
  }),
}));
