import type { StaleEntries } from '../../loaders/resources.js';
import { createBusiness, deleteBusiness, updateBusiness, updateContactsBusiness, type BusinessWriteBody } from '../../ghl/endpoints/businesses.js';
import { builder, type BuilderTypes } from '../builder.js';
import { CONTACT_LISTS, nonBlankEach } from '../contacts/inputs.js';
import { Contact } from '../contacts/types.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, mutationPayload, recordPayload, runMutation } from '../shared/mutation.js';
import { collect, email, nonBlank, nonEmptyList, phone } from '../shared/validate.js';
import { Business } from './types.js';

/** Business writes (the spec's `buiseness` envelope is unwrapped in the endpoint), and moving contacts between businesses. */

const BUSINESS_FIELDS = ['name', 'phone', 'email', 'website', 'address', 'city', 'state', 'postalCode', 'country'] as const;
type BusinessFields = { [K in (typeof BUSINESS_FIELDS)[number]]?: string | null };

const businessFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  phone: t.string({ description: 'Phone number in E.164 form, e.g. `+14155550123`.' }),
  email: t.string({ description: 'Email address.' }),
  website: t.string({ description: 'Website.' }),
  address: t.string({ description: 'Street address.' }),
  city: t.string({ description: 'City.' }),
  state: t.string({ description: 'State or region.' }),
  postalCode: t.string({ description: 'Postal code.' }),
  country: t.string({ description: 'Country.' }),
});

const BusinessCreateInput = builder.inputType('BusinessCreateInput', {
  description: 'A new business in the caller\'s location.',
  fields: (t) => ({ name: t.string({ required: true, description: 'Business name.' }), ...businessFields(t) }),
});
const BusinessUpdateInput = builder.inputType('BusinessUpdateInput', {
  description: 'A business and the changes to make; fields left out stay as they are.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's business id." }), name: t.string({ description: 'Business name.' }), ...businessFields(t) }),
});
const BusinessDeleteInput = builder.inputType('BusinessDeleteInput', {
  description: 'The business to delete. Its contacts stay, without a business.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's business id." }) }),
});
const ContactsBusinessUpdateInput = builder.inputType('ContactsBusinessUpdateInput', {
  description: 'Contacts to move into a business, or out of their business.',
  fields: (t) => ({
    contactIds: t.idList({ required: true, description: 'GHL ids of the contacts.' }),
    businessId: t.id({ description: 'The business to move them to; null or left out takes them out of any business.' }),
  }),
});

const businessPayload = (name: string, mutation: string) =>
  recordPayload(name, `Result of \`${mutation}\`.`, 'business', Business, 'The business after the change; null when nothing changed.');

const BusinessDeletePayload = deletedIdPayload('BusinessDeletePayload', 'Result of `businessDelete`.', 'deletedBusinessId', 'Id of the deleted business; null when nothing was deleted.');

interface MoveResult {
  updatedContactIds: string[];
  businessId: string | null;
}

const ContactsBusinessUpdatePayload = mutationPayload<MoveResult>('ContactsBusinessUpdatePayload', 'Result of `contactsBusinessUpdate`.', (t) => ({
  updatedContactIds: t.field({ type: ['ID'], description: 'The contacts GHL changed (ids it did not know are left out).', resolve: (p) => p.updatedContactIds }),
  contacts: t.field({
    type: [Contact],
    description: 'The changed contacts, read again (only when selected).',
    resolve: (p, _args, ctx) => Promise.all(p.updatedContactIds.map((id) => ctx.loaders.contact.read(id))),
  }),
  business: t.field({
    type: Business,
    nullable: true,
    description: 'The business the contacts now belong to; null when they were taken out.',
    resolve: (p, _args, ctx) => (p.businessId ? ctx.loaders.business.read(p.businessId) : null),
  }),
}));

function toBody(input: BusinessFields): BusinessWriteBody {
  const body: BusinessWriteBody = {};
  for (const key of BUSINESS_FIELDS) {
    const v = input[key];
    if (v !== null && v !== undefined) body[key] = key === 'name' ? v.trim() : v;
  }
  return body;
}

const checks = (input: BusinessFields) => collect(nonBlank(['input', 'name'], input.name), email(['input', 'email'], input.email), phone(['input', 'phone'], input.phone));

const businessStale = (id: string): StaleEntries => ({ records: { business: [id] }, lists: ['businessList'] });

builder.mutationFields((t) => ({
  businessCreate: t.field({
    ...traced("Creates a business in the caller's location.", 'POST /businesses/'),
    type: businessPayload('BusinessCreatePayload', 'businessCreate'),
    args: { input: t.arg({ type: BusinessCreateInput, required: true, description: 'The new business.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: BUSINESS_FIELDS,
        call: () => createBusiness(ctx.ghl, { ...toBody(input), name: input.name.trim() }),
        stale: (created) => businessStale(created.id),
      });
      return { business: result, userErrors };
    },
  }),
  businessUpdate: t.field({
    ...traced('Changes a business.', 'PUT /businesses/{businessId}'),
    type: businessPayload('BusinessUpdatePayload', 'businessUpdate'),
    args: { input: t.arg({ type: BusinessUpdateInput, required: true, description: 'The business and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: checks(input),
        inputFields: BUSINESS_FIELDS,
        call: () => updateBusiness(ctx.ghl, input.id, toBody(input)),
        stale: businessStale(input.id),
      });
      return { business: result, userErrors };
    },
  }),
  businessDelete: t.field({
    ...traced('Deletes a business; its contacts stay, without a business.', 'DELETE /businesses/{businessId}'),
    type: BusinessDeletePayload,
    args: { input: t.arg({ type: BusinessDeleteInput, required: true, description: 'The business to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        call: async () => {
          await deleteBusiness(ctx.ghl, input.id);
          return input.id;
        },
        // Every contact of the business changed too, and which ones is not known here.
        stale: { records: { business: [input.id] }, lists: ['businessList', 'contact', ...CONTACT_LISTS] },
      });
      return { deletedBusinessId: result, userErrors };
    },
  }),
  contactsBusinessUpdate: t.field({
    ...traced('Moves contacts into a business, or out of their business.', 'POST /contacts/bulk/business'),
    type: ContactsBusinessUpdatePayload,
    args: { input: t.arg({ type: ContactsBusinessUpdateInput, required: true, description: 'The contacts and the business.' }) },
    resolve: async (_root, { input }, ctx) => {
      const businessId = input.businessId ?? null;
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonEmptyList(['input', 'contactIds'], input.contactIds), ...nonBlankEach(['input', 'contactIds'], input.contactIds)),
        inputFields: ['contactIds', 'businessId'],
        fieldNames: { ids: 'contactIds' },
        notFoundField: ['input', 'businessId'],
        call: () => updateContactsBusiness(ctx.ghl, input.contactIds, businessId),
        stale: (moved) => ({ records: { contact: moved }, lists: CONTACT_LISTS }),
      });
      if (!result) return { updatedContactIds: [], businessId: null, userErrors };
      return { updatedContactIds: result, businessId, userErrors };
    },
  }),
}));
