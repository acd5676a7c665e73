import { expectNoErrors } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Catalog coverage for locations, custom fields, the company and snapshots (the last two agency-only). */
export const cases: CoverageCase[] = [
  {
    name: 'locations: current location with its custom fields, and search',
    operations: ['GET /locations/{locationId}', 'GET /locations/{locationId}/customFields', 'GET /locations/search'],
    async run(stack) {
      // Another seeded location through its held installation, so nothing of it is cached yet.
      const headers = { 'x-location-id': stack.simulator.locations.at(-1)!.id };
      expectNoErrors(await stack.execute(`{ currentLocation { id name customFields { id name } } locations(first: 5) { nodes { id } } }`, {}, headers));
    },
  },
  {
    name: 'agency: company, snapshots, and a new location',
    operations: ['GET /companies/{companyId}', 'GET /snapshots/', 'POST /locations/'],
    async run(stack) {
      expectNoErrors(await stack.execute(`{ company { id name } snapshots { nodes { id } } }`));
      const res = expectNoErrors(
        await stack.execute<{ locationCreate: { userErrors: unknown[] } }>(`mutation { locationCreate(input: { name: "Coverage Sub-Account", country: "US" }) { location { id } userErrors { code field message } } }`),
      );
      if (res.locationCreate.userErrors.length) throw new Error(`user errors: ${JSON.stringify(res.locationCreate.userErrors)}`);
    },
  },
];
