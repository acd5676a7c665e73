import type { GhlBusiness } from '../../ghl/endpoints/businesses.js';
import { builder } from '../builder.js';
import { connectionType } from '../shared/pagination.js';

const optional = (key: keyof GhlBusiness) => (b: GhlBusiness) => (b[key] as string | undefined) ?? null;

export const Business = builder.objectRef<GhlBusiness>('Business').implement({
  description: 'A company that contacts belong to (GHL business).',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's business id." }),
    name: t.exposeString('name', { description: 'Business name.' }),
    locationId: t.exposeID('locationId', { description: 'Id of the GHL location (sub-account) that owns it.' }),
    phone: t.string({ nullable: true, description: 'Phone number.', resolve: optional('phone') }),
    email: t.string({ nullable: true, description: 'Email address.', resolve: optional('email') }),
    website: t.string({ nullable: true, description: 'Website.', resolve: optional('website') }),
    address: t.string({ nullable: true, description: 'Street address.', resolve: optional('address') }),
    city: t.string({ nullable: true, description: 'City.', resolve: optional('city') }),
    state: t.string({ nullable: true, description: 'State or region.', resolve: optional('state') }),
    postalCode: t.string({ nullable: true, description: 'Postal code.', resolve: optional('postalCode') }),
    country: t.string({ nullable: true, description: 'Country.', resolve: optional('country') }),
    description: t.string({ nullable: true, description: 'Free-text description.', resolve: optional('description') }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created.', resolve: optional('createdAt') }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it last changed.', resolve: optional('updatedAt') }),
  }),
});

export const BusinessConnection = connectionType(Business, 'Business', 'business');
