import type { ContactWriteBody } from '../../ghl/endpoints/contacts.js';
import type { BuilderTypes } from '../builder.js';
import { recordPayload } from '../shared/mutation.js';
import { email, nonBlank, phone } from '../shared/validate.js';
import { Contact } from './types.js';

/** What contact writes share: the writable fields, their checks, the payload shape and what they make stale. */

export const CONTACT_INPUT_FIELDS = ['firstName', 'lastName', 'name', 'email', 'phone', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'website', 'timezone', 'source', 'dnd', 'tags', 'assignedTo'] as const;

/**
 * Cached reads that list or match contacts: any contact write may change what they return, so a
 * write moves them all to a new cache generation.
 */
export const CONTACT_LISTS = ['contactSearch', 'contactsByBusiness', 'contactListLegacy', 'contactDuplicate'] as const;

export interface ContactFieldsInput {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  companyName?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  website?: string | null;
  timezone?: string | null;
  source?: string | null;
  dnd?: boolean | null;
  tags?: string[] | null;
  assignedTo?: string | null;
}

/** The writable fields shared by create, update and upsert. */
export function contactInputFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, forCreate: boolean) {
  return {
    firstName: t.string({ description: 'First name.' }),
    lastName: t.string({ description: 'Last name.' }),
    name: t.string({ description: 'Full name, when first and last name are not given separately.' }),
    email: t.string({ description: 'Email address.' }),
    phone: t.string({ description: 'Phone number in E.164 form, e.g. `+14155550123`.' }),
    companyName: t.string({ description: 'Company name as typed on the contact.' }),
    address1: t.string({ description: 'Street address.' }),
    city: t.string({ description: 'City.' }),
    state: t.string({ description: 'State or region.' }),
    postalCode: t.string({ description: 'Postal code.' }),
    country: t.string({ description: 'Country, as a two-letter code (e.g. `US`).' }),
    website: t.string({ description: 'Website.' }),
    timezone: t.string({ description: 'IANA time zone, e.g. `America/Chicago`.' }),
    source: t.string({ description: 'Where the contact came from.' }),
    dnd: t.boolean({ description: 'Do-not-disturb for all channels.' }),
    tags: t.stringList({ description: forCreate ? 'Tags to set.' : 'Tags to set; replaces all tags. Use `contactTagsAdd` to add.' }),
    assignedTo: t.id({ description: 'Id of the GHL user who owns the contact.' }),
  };
}

export function toWriteBody(input: ContactFieldsInput): ContactWriteBody {
  const body: ContactWriteBody = {};
  for (const key of CONTACT_INPUT_FIELDS) {
    const v = input[key];
    if (v !== null && v !== undefined) (body as Record<string, unknown>)[key] = v;
  }
  return body;
}

export function fieldChecks(input: ContactFieldsInput) {
  return [
    email(['input', 'email'], input.email),
    phone(['input', 'phone'], input.phone),
    nonBlank(['input', 'firstName'], input.firstName),
    nonBlank(['input', 'lastName'], input.lastName),
  ];
}

/** Every element of a list of names must be non-blank; reported per index. */
export function nonBlankEach(path: string[], values: readonly string[]) {
  return values.map((v, i) => nonBlank([...path, String(i)], v));
}

/** `<Name>Payload { contact, userErrors }`. */
export const ContactPayload = (name: string, description: string) =>
  recordPayload(name, description, 'contact', Contact, 'The contact after the change; null when nothing changed.');
