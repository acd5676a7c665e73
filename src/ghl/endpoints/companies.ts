import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `GetCompanyByIdSchema` of apps/companies.json, the fields the gateway reads. */
export interface GhlCompany {
  id: string;
  name?: string;
  email?: string;
  phone?: string;
  website?: string;
  logoUrl?: string;
  domain?: string;
  spareDomain?: string;
  subdomain?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  timezone?: string;
  currency?: string;
  relationshipNumber?: string;
  status?: string;
  plan?: number;
  customerType?: string;
  locationCount?: number;
  isReselling?: boolean;
  isEnterpriseAccount?: boolean;
  isSandboxAccount?: boolean;
  twilioTrialMode?: boolean;
  twilioFreeCredits?: number;
  premiumUpgraded?: boolean;
  disableEmailService?: boolean;
  upgradeEnabledForClients?: boolean;
  cancelEnabledForClients?: boolean;
  autoSuspendEnabled?: boolean;
  businessNiche?: string;
  businessCategory?: string;
  businessAffinityGroup?: string;
  referralId?: string;
  privacyPolicy?: string;
  termsConditions?: string;
}

const ops = { get: operation('GET /companies/{companyId}') };

/** Agency-only. */
export async function getCompany(ctx: GhlCallContext, companyId: string): Promise<GhlCompany> {
  const res = await ctx.client.call<{ company: GhlCompany }>(ops.get, ctx.credential, { priority: ctx.priority ?? 'interactive', meter: ctx.meter, pathParams: { companyId } });
  return res.data.company;
}
