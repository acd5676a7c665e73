import type { GhlUserPermissions } from '../../ghl/endpoints/users.js';
import { builder } from '../builder.js';

/** The switches of `PermissionsDto` (apps/users.json), each with what it allows. */
const PERMISSIONS = {
  campaignsEnabled: 'May use campaigns.',
  campaignsReadOnly: 'Sees campaigns without changing them.',
  contactsEnabled: 'May use contacts.',
  workflowsEnabled: 'May use workflows.',
  workflowsReadOnly: 'Sees workflows without changing them.',
  triggersEnabled: 'May use triggers.',
  funnelsEnabled: 'May use funnels.',
  websitesEnabled: 'May use websites.',
  opportunitiesEnabled: 'May use opportunities.',
  dashboardStatsEnabled: 'Sees the dashboard statistics.',
  bulkRequestsEnabled: 'May run bulk actions.',
  appointmentsEnabled: 'May use appointments.',
  reviewsEnabled: 'May manage reviews.',
  onlineListingsEnabled: 'May manage online listings.',
  phoneCallEnabled: 'May make phone calls.',
  conversationsEnabled: 'May use conversations.',
  assignedDataOnly: 'Sees only the records assigned to them.',
  adwordsReportingEnabled: 'Sees Google Ads reporting.',
  membershipEnabled: 'May use memberships.',
  facebookAdsReportingEnabled: 'Sees Facebook Ads reporting.',
  attributionsReportingEnabled: 'Sees attribution reporting.',
  settingsEnabled: 'May change settings.',
  tagsEnabled: 'May manage tags.',
  leadValueEnabled: 'Sees lead values.',
  marketingEnabled: 'May use the marketing tools.',
  agentReportingEnabled: 'Sees agent reporting.',
  botService: 'May use the bot service.',
  socialPlanner: 'May use the social planner.',
  bloggingEnabled: 'May use blogs.',
  invoiceEnabled: 'May use invoices.',
  affiliateManagerEnabled: 'May use the affiliate manager.',
  contentAiEnabled: 'May use Content AI.',
  refundsEnabled: 'May issue refunds.',
  recordPaymentEnabled: 'May record payments.',
  cancelSubscriptionEnabled: 'May cancel subscriptions.',
  paymentsEnabled: 'May use payments.',
  communitiesEnabled: 'May use communities.',
  exportPaymentsEnabled: 'May export payments.',
} as const;

export type PermissionName = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as PermissionName[];

export const UserPermissions = builder.objectRef<GhlUserPermissions>('UserPermissions').implement({
  description: 'What a user may do in GHL, one switch per feature. Null where GHL did not say.',
  fields: (t) =>
    Object.fromEntries(
      PERMISSION_NAMES.map((name) => [name, t.boolean({ nullable: true, description: PERMISSIONS[name], resolve: (p) => p[name] ?? null })]),
    ) as Record<PermissionName, ReturnType<typeof t.boolean>>,
});

export const UserPermissionsInput = builder.inputType('UserPermissionsInput', {
  description: "Switches to set on a user's permissions; those left out keep GHL's value (or default).",
  fields: (t) => Object.fromEntries(PERMISSION_NAMES.map((name) => [name, t.boolean({ description: PERMISSIONS[name] })])) as Record<PermissionName, ReturnType<typeof t.boolean>>,
});

/** The switches given, without nulls. */
export function permissionsBody(input: Partial<Record<PermissionName, boolean | null>> | null | undefined): GhlUserPermissions | undefined {
  if (!input) return undefined;
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as GhlUserPermissions;
}
