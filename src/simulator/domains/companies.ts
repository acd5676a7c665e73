import type { SimulatorStore } from '../store.js';
import { assertOwnCompany } from './companies-access.js';
import type { SimulatorDomain } from './types.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * apps/companies.json: `GET /companies/{companyId}` answers `{company}` (Agency-Access only). The
 * core keeps a company's id, name and admin; the profile GHL shows beyond that lives here.
 */

export interface CompanyProfile {
  email: string;
  phone: string;
  website: string;
  logoUrl: string;
  domain: string;
  address: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  timezone: string;
  currency: string;
  relationshipNumber: string;
  status: string;
  plan: number;
  customerType: string;
  businessNiche: string;
  businessCategory: string;
  isReselling: boolean;
}

const companyProfiles = (store: SimulatorStore): Map<string, CompanyProfile> => store.domainState('companies', () => new Map<string, CompanyProfile>());

export const companiesDomain: SimulatorDomain = {
  name: 'companies',
  routes: {
    /** Only the token's own company: another's is 403 (B1), as is an unknown one (the check comes first). */
    'GET /companies/{companyId}': (ctx) => {
      const id = ctx.params['companyId'] as string;
      assertOwnCompany(ctx, id);
      const company = ctx.store.companies.get(id);
      if (!company) throw new Error(`The token's company ${id} is not in the store`);
      const profile = companyProfiles(ctx.store).get(id);
      return {
        status: 200,
        body: { company: withoutUndefined({ id: company.id, name: company.name, ...profile, locationCount: ctx.store.companyLocations(id).length, twilioTrialMode: false, isEnterpriseAccount: false, isSandboxAccount: true }) },
      };
    },
  },
  seed({ store, random }) {
    for (const company of store.companies.values()) {
      const slug = company.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
      companyProfiles(store).set(company.id, {
        email: `hello@${slug}.example.com`,
        phone: '+14155550100',
        website: `https://${slug}.example.com`,
        logoUrl: `https://${slug}.example.com/logo.png`,
        domain: `https://app.${slug}.example.com`,
        address: '500 Market St',
        city: 'San Francisco',
        state: 'CA',
        postalCode: '94105',
        country: 'US',
        timezone: 'America/Los_Angeles',
        currency: 'USD',
        relationshipNumber: `${random.between(0, 9)}-${random.between(100, 999)}-${random.between(100, 999)}`,
        status: 'active',
        plan: 2,
        customerType: 'agency',
        businessNiche: 'Marketing agency',
        businessCategory: 'Marketing',
        isReselling: true,
      });
    }
  },
};
