import { unprocessable } from '../errors.js';
import type { ContactRecord, DndChannel, DndSetting, Patch } from '../store.js';

/**
 * Create/Update/Upsert contact bodies (`CreateContactDto`, `UpdateContactDto`, `UpsertContactDto`)
 * → a store patch. The body already passed the spec's schema; this adds the checks class-validator
 * would make that the schema cannot express (email and date formats) and GHL's merge rules.
 */
export interface ContactBody {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string;
  website?: string | null;
  timezone?: string | null;
  dnd?: boolean;
  dndSettings?: Partial<Record<DndChannel, DndSetting>>;
  tags?: string[];
  customFields?: { id: string; key?: string; field_value?: unknown; value?: unknown }[];
  source?: string | null;
  dateOfBirth?: unknown;
  country?: string;
  companyName?: string | null;
  assignedTo?: string | null;
  gender?: string;
  locationId?: string;
}

type ContactPatch = Patch<Omit<ContactRecord, 'id' | 'locationId' | 'dateAdded' | 'dateUpdated'>>;

const TEXT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'address1', 'city', 'state', 'postalCode', 'website', 'timezone', 'source', 'country', 'companyName', 'assignedTo', 'gender'] as const;

export function contactPatch(body: ContactBody, existing?: ContactRecord): ContactPatch {
  const errors: string[] = [];
  const patch: ContactPatch = {};
  for (const f of TEXT_FIELDS) {
    const v = body[f];
    // null clears a field; an empty string is treated the same, as GHL stores no empty values.
    if (v === null || v === '') patch[f] = undefined;
    else if (typeof v === 'string') patch[f] = v.trim();
  }
  // `name` only fills first/last name when those are not given separately.
  if (typeof body.name === 'string' && body.firstName === undefined && body.lastName === undefined) {
    const [first, ...rest] = body.name.trim().split(/\s+/);
    patch.firstName = first || undefined;
    patch.lastName = rest.join(' ') || undefined;
  }
  if (typeof patch.email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(patch.email)) errors.push('email must be an email');
  if (body.dnd !== undefined) patch.dnd = body.dnd;
  if (body.dndSettings) patch.dndSettings = { ...(existing?.dndSettings ?? {}), ...body.dndSettings };
  // Tags are replaced as a whole on update; add/remove tags have their own endpoints.
  if (body.tags) patch.tags = [...new Set(body.tags.map((t) => t.trim()).filter(Boolean))];
  if (body.customFields) {
    const merged = new Map((existing?.customFields ?? []).map((f) => [f.id, f.value]));
    for (const f of body.customFields) {
      const raw = f.field_value !== undefined ? f.field_value : f.value;
      if (raw === null || raw === undefined || raw === '') merged.delete(f.id);
      else merged.set(f.id, typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.map(String).join(', ') : typeof raw === 'object' ? JSON.stringify(raw) : String(raw));
    }
    patch.customFields = [...merged].map(([id, value]) => ({ id, value }));
  }
  if (body.dateOfBirth === null) patch.dateOfBirth = undefined;
  else if (body.dateOfBirth !== undefined) {
    const dob = parseDateOfBirth(body.dateOfBirth);
    if (dob) patch.dateOfBirth = dob;
    else errors.push('dateOfBirth must be a date in one of the formats YYYY-MM-DD, MM-DD-YYYY (separators - / . _)');
  }
  if (errors.length) throw unprocessable(errors);
  return patch;
}

/** The spec's description lists YYYY/MM/DD, MM/DD/YYYY and the same with `-`, `.`, `_`. */
function parseDateOfBirth(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let y: number, m: number, d: number;
  const ymd = /^(\d{4})[-/._](\d{1,2})[-/._](\d{1,2})$/.exec(s);
  const mdy = /^(\d{1,2})[-/._](\d{1,2})[-/._](\d{4})$/.exec(s);
  if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else if (mdy) [y, m, d] = [Number(mdy[3]), Number(mdy[1]), Number(mdy[2])];
  else if (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))) {
    const t = new Date(s);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString();
}

/** Digits only: `+1 (555) 010-2000` and `15550102000` are the same number. */
export const phoneKey = (phone: string | undefined): string => (phone ?? '').replace(/\D/g, '');

/** The contact GHL's duplicate rule would match: same email (case-insensitive), else same phone. */
export function findDuplicate(contacts: readonly ContactRecord[], email: string | undefined, phone: string | undefined, exceptId?: string): { contact: ContactRecord; field: 'email' | 'phone' } | null {
  const e = email?.toLowerCase();
  if (e) {
    const byEmail = contacts.find((c) => c.id !== exceptId && c.email?.toLowerCase() === e);
    if (byEmail) return { contact: byEmail, field: 'email' };
  }
  const p = phoneKey(phone);
  if (p) {
    const byPhone = contacts.find((c) => c.id !== exceptId && phoneKey(c.phone) === p);
    if (byPhone) return { contact: byPhone, field: 'phone' };
  }
  return null;
}
