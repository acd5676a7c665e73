import { locationOf } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import type { SimulatorDomain } from './types.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Custom field definitions of each location. The catalog reads them with
 * `GET /locations/{locationId}/customFields` (apps/locations.json), answering `{customFields[]}`,
 * unpaged. The core seed puts values of three field ids on contacts; the seed here defines those
 * ids, so every value a contact carries has a definition.
 */

export interface CustomFieldRecord {
  id: string;
  locationId: string;
  name: string;
  fieldKey: string;
  placeholder?: string;
  dataType: string;
  position: number;
  model: 'contact' | 'opportunity';
  picklistOptions?: string[];
}

export class CustomFieldsState {
  private readonly byId = new Map<string, CustomFieldRecord>();

  insert(field: CustomFieldRecord): CustomFieldRecord {
    if (this.byId.has(field.id)) throw new Error(`Duplicate custom field id ${field.id}`);
    this.byId.set(field.id, field);
    return field;
  }

  /** A location's fields by position, then name. */
  ofLocation(locationId: string): CustomFieldRecord[] {
    return [...this.byId.values()].filter((f) => f.locationId === locationId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  }
}

export const customFieldsState = (store: SimulatorStore): CustomFieldsState => store.domainState('custom-fields', () => new CustomFieldsState());

/** `CustomFieldSchema`. */
function customFieldDto(f: CustomFieldRecord): Record<string, unknown> {
  return withoutUndefined({
    id: f.id,
    name: f.name,
    fieldKey: f.fieldKey,
    placeholder: f.placeholder,
    dataType: f.dataType,
    position: f.position,
    picklistOptions: f.picklistOptions ? [...f.picklistOptions] : undefined,
    picklistImageOptions: f.picklistOptions ? [] : undefined,
    isAllowedCustomOption: f.picklistOptions ? false : undefined,
    locationId: f.locationId,
    model: f.model,
  });
}

/** The fields whose ids the core seed puts on contacts; its values are short words and numbers, hence text. */
const VALUE_FIELDS: Omit<CustomFieldRecord, 'id' | 'locationId' | 'position'>[] = [
  { name: 'Customer segment', fieldKey: 'contact.customer_segment', dataType: 'TEXT', model: 'contact', placeholder: 'e.g. Gold' },
  { name: 'Campaign notes', fieldKey: 'contact.campaign_notes', dataType: 'LARGE_TEXT', model: 'contact' },
  { name: 'Loyalty level', fieldKey: 'contact.loyalty_level', dataType: 'TEXT', model: 'contact' },
];

/** Definitions no seeded contact uses yet, so each model and a picklist are represented. */
const EXTRA_FIELDS: Omit<CustomFieldRecord, 'id' | 'locationId' | 'position'>[] = [
  { name: 'Preferred contact time', fieldKey: 'contact.preferred_contact_time', dataType: 'SINGLE_OPTIONS', model: 'contact', picklistOptions: ['Morning', 'Afternoon', 'Evening'] },
  { name: 'Anniversary', fieldKey: 'contact.anniversary', dataType: 'DATE', model: 'contact' },
  { name: 'Deal size', fieldKey: 'opportunity.deal_size', dataType: 'MONETORY', model: 'opportunity' },
  { name: 'Competitors', fieldKey: 'opportunity.competitors', dataType: 'MULTIPLE_OPTIONS', model: 'opportunity', picklistOptions: ['Acme', 'Globex', 'Initech'] },
];

export const customFieldsDomain: SimulatorDomain = {
  name: 'custom-fields',
  routes: {
    /** Without `model`, fields of every model (ASSUMPTIONS.md). The pipeline has checked the location is the token's. */
    'GET /locations/{locationId}/customFields': (ctx) => {
      const model = ctx.query['model'] as 'contact' | 'opportunity' | 'all' | undefined;
      const fields = customFieldsState(ctx.store)
        .ofLocation(locationOf(ctx))
        .filter((f) => !model || model === 'all' || f.model === model);
      return { status: 200, body: { customFields: fields.map(customFieldDto) } };
    },
  },
  seed({ store, locations, random }) {
    const state = customFieldsState(store);
    for (const location of locations) {
      // The ids, in order of first use on the location's contacts (the seed draws three per location).
      const used = [...new Set(store.listContacts(location.id).flatMap((c) => c.customFields.map((f) => f.id)))];
      let position = 0;
      used.forEach((id, i) => {
        const template = VALUE_FIELDS[i % VALUE_FIELDS.length]!;
        const suffix = i >= VALUE_FIELDS.length ? ` ${i + 1}` : '';
        state.insert({ ...template, name: template.name + suffix, fieldKey: template.fieldKey + suffix.replace(' ', '_'), id, locationId: location.id, position: position++ });
      });
      for (const template of EXTRA_FIELDS) state.insert({ ...template, id: random.ghlId(), locationId: location.id, position: position++ });
    }
  },
};
