import type { GhlLocation, GhlLocationBusiness, GhlLocationSettings, GhlLocationSocial } from '../../ghl/endpoints/locations.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';

const str = <T>(get: (v: T) => string | undefined) => (v: T) => get(v) || null;

export const LocationSettings = builder.objectRef<GhlLocationSettings>('LocationSettings').implement({
  description: 'How a location treats duplicates and time zones.',
  fields: (t) => ({
    allowDuplicateContact: t.boolean({ description: 'Whether two contacts may share an email or phone number.', resolve: (s) => s.allowDuplicateContact ?? false }),
    allowDuplicateOpportunity: t.boolean({ description: 'Whether a contact may have several open opportunities in one pipeline.', resolve: (s) => s.allowDuplicateOpportunity ?? false }),
    allowFacebookNameMerge: t.boolean({ description: 'Whether names from Facebook may overwrite contact names.', resolve: (s) => s.allowFacebookNameMerge ?? false }),
    disableContactTimezone: t.boolean({ description: "Whether contacts' own time zones are ignored in favour of the location's.", resolve: (s) => s.disableContactTimezone ?? false }),
  }),
});

export const LocationSocialLinks = builder.objectRef<GhlLocationSocial>('LocationSocialLinks').implement({
  description: "Links to the location's social media profiles.",
  fields: (t) => ({
    facebookUrl: t.string({ nullable: true, description: 'Facebook page.', resolve: str((s) => s.facebookUrl) }),
    googlePlus: t.string({ nullable: true, description: 'Google+ page (historical).', resolve: str((s) => s.googlePlus) }),
    linkedIn: t.string({ nullable: true, description: 'LinkedIn page.', resolve: str((s) => s.linkedIn) }),
    foursquare: t.string({ nullable: true, description: 'Foursquare page.', resolve: str((s) => s.foursquare) }),
    twitter: t.string({ nullable: true, description: 'Twitter / X profile.', resolve: str((s) => s.twitter) }),
    yelp: t.string({ nullable: true, description: 'Yelp page.', resolve: str((s) => s.yelp) }),
    instagram: t.string({ nullable: true, description: 'Instagram profile.', resolve: str((s) => s.instagram) }),
    youtube: t.string({ nullable: true, description: 'YouTube channel.', resolve: str((s) => s.youtube) }),
    pinterest: t.string({ nullable: true, description: 'Pinterest profile.', resolve: str((s) => s.pinterest) }),
    blogRss: t.string({ nullable: true, description: 'RSS feed of the blog.', resolve: str((s) => s.blogRss) }),
    googlePlacesId: t.string({ nullable: true, description: 'Google Business Profile place id.', resolve: str((s) => s.googlePlacesId) }),
  }),
});

export const LocationBusiness = builder.objectRef<GhlLocationBusiness>('LocationBusiness').implement({
  description: 'The business a location (sub-account) runs, as GHL describes it.',
  fields: (t) => ({
    name: t.string({ nullable: true, description: 'Business name.', resolve: str((b) => b.name) }),
    address: t.string({ nullable: true, description: 'Street address.', resolve: str((b) => b.address) }),
    city: t.string({ nullable: true, description: 'City.', resolve: str((b) => b.city) }),
    state: t.string({ nullable: true, description: 'State or region.', resolve: str((b) => b.state) }),
    postalCode: t.string({ nullable: true, description: 'Postal code.', resolve: str((b) => b.postalCode) }),
    country: t.string({ nullable: true, description: 'Country, as a two-letter code.', resolve: str((b) => b.country) }),
    website: t.string({ nullable: true, description: 'Website.', resolve: str((b) => b.website) }),
    timezone: t.string({ nullable: true, description: 'IANA time zone.', resolve: str((b) => b.timezone) }),
    logoUrl: t.string({ nullable: true, description: 'Logo image URL.', resolve: str((b) => b.logoUrl) }),
  }),
});

export const Location = builder.objectRef<GhlLocation>('Location').implement({
  description: 'A GHL location (sub-account): one business the agency serves, with its own contacts, users and settings.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's location id." }),
    companyId: t.id({ nullable: true, description: 'Id of the agency (company) the location belongs to.', resolve: str((l) => l.companyId) }),
    name: t.string({ nullable: true, description: 'Name of the sub-account.', resolve: str((l) => l.name) }),
    email: t.string({ nullable: true, description: 'Email address of the business.', resolve: str((l) => l.email) }),
    phone: t.string({ nullable: true, description: 'Phone number of the business.', resolve: str((l) => l.phone) }),
    address: t.string({ nullable: true, description: 'Street address.', resolve: str((l) => l.address) }),
    city: t.string({ nullable: true, description: 'City.', resolve: str((l) => l.city) }),
    state: t.string({ nullable: true, description: 'State or region.', resolve: str((l) => l.state) }),
    postalCode: t.string({ nullable: true, description: 'Postal code.', resolve: str((l) => l.postalCode) }),
    country: t.string({ nullable: true, description: 'Country, as a two-letter code.', resolve: str((l) => l.country) }),
    website: t.string({ nullable: true, description: 'Website of the business.', resolve: str((l) => l.website) }),
    timezone: t.string({ nullable: true, description: 'IANA time zone the location works in, e.g. `America/Chicago`.', resolve: str((l) => l.timezone) }),
    domain: t.string({ nullable: true, description: 'Domain of the sub-account (white-label or GHL-hosted).', resolve: str((l) => l.domain) }),
    logoUrl: t.string({ nullable: true, description: 'Logo image URL.', resolve: str((l) => l.logoUrl) }),
    firstName: t.string({ nullable: true, description: "First name of the sub-account's owner.", resolve: str((l) => l.firstName) }),
    lastName: t.string({ nullable: true, description: "Last name of the sub-account's owner.", resolve: str((l) => l.lastName) }),
    business: t.field({ type: LocationBusiness, nullable: true, description: 'The business the location runs; only on a single location read.', resolve: (l) => l.business ?? null }),
    social: t.field({ type: LocationSocialLinks, nullable: true, description: 'Social media links.', resolve: (l) => l.social ?? null }),
    settings: t.field({ type: LocationSettings, nullable: true, description: 'Duplicate and time zone settings.', resolve: (l) => l.settings ?? null }),
  }),
});

export const LocationConnection = connectionType(Location, 'Location', 'location');

export const LocationOrder = describedEnum('LocationOrder', 'Order of locations in a search, by name.', {
  ASC: ['asc', 'A to Z.'],
  DESC: ['desc', 'Z to A.'],
});
