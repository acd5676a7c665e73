import type { GhlCompany } from '../../ghl/endpoints/companies.js';
import { builder } from '../builder.js';

type Text = { [K in keyof GhlCompany]-?: GhlCompany[K] extends string | undefined ? K : never }[keyof GhlCompany];
type Flag = { [K in keyof GhlCompany]-?: GhlCompany[K] extends boolean | undefined ? K : never }[keyof GhlCompany];
const text = (key: Text) => (c: GhlCompany) => (c[key] as string | undefined) || null;
const flag = (key: Flag) => (c: GhlCompany) => (c[key] as boolean | undefined) ?? null;

export const Company = builder.objectRef<GhlCompany>('Company').implement({
  description: 'A GHL agency (company): it owns the locations (sub-accounts) and its users can work across them.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's company id." }),
    name: t.string({ nullable: true, description: 'Name of the agency.', resolve: text('name') }),
    email: t.string({ nullable: true, description: 'Email address of the agency.', resolve: text('email') }),
    phone: t.string({ nullable: true, description: 'Phone number of the agency.', resolve: text('phone') }),
    website: t.string({ nullable: true, description: 'Website of the agency.', resolve: text('website') }),
    logoUrl: t.string({ nullable: true, description: 'Logo image URL.', resolve: text('logoUrl') }),
    domain: t.string({ nullable: true, description: 'White-label domain of the agency app.', resolve: text('domain') }),
    spareDomain: t.string({ nullable: true, description: 'Spare domain for links.', resolve: text('spareDomain') }),
    subdomain: t.string({ nullable: true, description: 'Subdomain of the agency app.', resolve: text('subdomain') }),
    address: t.string({ nullable: true, description: 'Street address.', resolve: text('address') }),
    city: t.string({ nullable: true, description: 'City.', resolve: text('city') }),
    state: t.string({ nullable: true, description: 'State or region.', resolve: text('state') }),
    postalCode: t.string({ nullable: true, description: 'Postal code.', resolve: text('postalCode') }),
    country: t.string({ nullable: true, description: 'Country, as a two-letter code.', resolve: text('country') }),
    timezone: t.string({ nullable: true, description: 'IANA time zone of the agency.', resolve: text('timezone') }),
    currency: t.string({ nullable: true, description: 'Billing currency, e.g. `USD`.', resolve: text('currency') }),
    relationshipNumber: t.string({ nullable: true, description: 'Relationship number GHL support identifies the agency by.', resolve: text('relationshipNumber') }),
    status: t.string({ nullable: true, description: 'Account status as GHL words it, e.g. `active` or `active-trial`.', resolve: text('status') }),
    plan: t.int({ nullable: true, description: "GHL's number of the agency's plan.", resolve: (c) => c.plan ?? null }),
    customerType: t.string({ nullable: true, description: 'Kind of customer, e.g. `agency`.', resolve: text('customerType') }),
    locationCount: t.int({ nullable: true, description: 'How many locations the agency has.', resolve: (c) => c.locationCount ?? null }),
    isReselling: t.boolean({ nullable: true, description: 'Whether the agency resells GHL (SaaS mode).', resolve: flag('isReselling') }),
    isEnterpriseAccount: t.boolean({ nullable: true, description: 'Whether the agency is on an enterprise account.', resolve: flag('isEnterpriseAccount') }),
    isSandboxAccount: t.boolean({ nullable: true, description: 'Whether this is a sandbox (test) agency.', resolve: flag('isSandboxAccount') }),
    twilioTrialMode: t.boolean({ nullable: true, description: 'Whether the telephony account is still in trial.', resolve: flag('twilioTrialMode') }),
    twilioFreeCredits: t.float({ nullable: true, description: 'Free telephony credits left.', resolve: (c) => c.twilioFreeCredits ?? null }),
    premiumUpgraded: t.boolean({ nullable: true, description: 'Whether priority support is enabled.', resolve: flag('premiumUpgraded') }),
    disableEmailService: t.boolean({ nullable: true, description: "Whether GHL's email service is turned off.", resolve: flag('disableEmailService') }),
    upgradeEnabledForClients: t.boolean({ nullable: true, description: 'Whether clients may upgrade their plan.', resolve: flag('upgradeEnabledForClients') }),
    cancelEnabledForClients: t.boolean({ nullable: true, description: 'Whether clients may cancel their plan.', resolve: flag('cancelEnabledForClients') }),
    autoSuspendEnabled: t.boolean({ nullable: true, description: 'Whether unpaid sub-accounts are suspended automatically.', resolve: flag('autoSuspendEnabled') }),
    businessNiche: t.string({ nullable: true, description: 'Business niche the agency serves.', resolve: text('businessNiche') }),
    businessCategory: t.string({ nullable: true, description: 'Business category of the agency.', resolve: text('businessCategory') }),
    businessAffinityGroup: t.string({ nullable: true, description: 'Affinity group of the agency.', resolve: text('businessAffinityGroup') }),
    referralId: t.string({ nullable: true, description: "The agency's referral id.", resolve: text('referralId') }),
    privacyPolicyUrl: t.string({ nullable: true, description: 'Privacy policy URL.', resolve: text('privacyPolicy') }),
    termsUrl: t.string({ nullable: true, description: 'Terms and conditions URL.', resolve: text('termsConditions') }),
  }),
});
