import type { GhlCustomField } from '../../ghl/endpoints/custom-fields.js';
import { builder } from '../builder.js';
import { connectionType } from '../shared/pagination.js';

export const CustomFieldDataType = builder.enumType('CustomFieldDataType', {
  description: 'What kind of value a custom field holds.',
  values: {
    TEXT: { value: 'TEXT', description: 'One line of text.' },
    LARGE_TEXT: { value: 'LARGE_TEXT', description: 'Several lines of text.' },
    NUMERICAL: { value: 'NUMERICAL', description: 'A number.' },
    PHONE: { value: 'PHONE', description: 'A phone number.' },
    MONETARY: { value: 'MONETORY', description: 'An amount of money (GHL spells it `MONETORY`).' },
    CHECKBOX: { value: 'CHECKBOX', description: 'Any number of the listed options, as checkboxes.' },
    SINGLE_OPTIONS: { value: 'SINGLE_OPTIONS', description: 'One of the listed options, from a dropdown.' },
    MULTIPLE_OPTIONS: { value: 'MULTIPLE_OPTIONS', description: 'Any number of the listed options, from a dropdown.' },
    DATE: { value: 'DATE', description: 'A date.' },
    TEXTBOX_LIST: { value: 'TEXTBOX_LIST', description: 'A list of labelled text boxes.' },
    FILE_UPLOAD: { value: 'FILE_UPLOAD', description: 'One or more uploaded files.' },
    RADIO: { value: 'RADIO', description: 'One of the listed options, as radio buttons.' },
    EMAIL: { value: 'EMAIL', description: 'An email address.' },
  } as const,
});

export const CustomFieldModel = builder.enumType('CustomFieldModel', {
  description: 'The kind of record a custom field belongs to.',
  values: {
    CONTACT: { value: 'contact', description: 'Contacts.' },
    OPPORTUNITY: { value: 'opportunity', description: 'Opportunities.' },
  } as const,
});

type DataType = 'TEXT' | 'LARGE_TEXT' | 'NUMERICAL' | 'PHONE' | 'MONETORY' | 'CHECKBOX' | 'SINGLE_OPTIONS' | 'MULTIPLE_OPTIONS' | 'DATE' | 'TEXTBOX_LIST' | 'FILE_UPLOAD' | 'RADIO' | 'EMAIL';
const DATA_TYPES: readonly string[] = ['TEXT', 'LARGE_TEXT', 'NUMERICAL', 'PHONE', 'MONETORY', 'CHECKBOX', 'SINGLE_OPTIONS', 'MULTIPLE_OPTIONS', 'DATE', 'TEXTBOX_LIST', 'FILE_UPLOAD', 'RADIO', 'EMAIL'];

export const CustomField = builder.objectRef<GhlCustomField>('CustomField').implement({
  description: "The definition of a custom field of a location: its name, key and kind of value. Contacts' `customFields` hold the values.",
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's custom field id (what a contact's custom field values refer to)." }),
    name: t.string({ nullable: true, description: 'Label shown in GHL.', resolve: (f) => f.name || null }),
    fieldKey: t.string({ nullable: true, description: 'Merge key, e.g. `contact.pincode`.', resolve: (f) => f.fieldKey || null }),
    placeholder: t.string({ nullable: true, description: 'Placeholder text of the input.', resolve: (f) => f.placeholder || null }),
    dataType: t.field({
      type: CustomFieldDataType,
      nullable: true,
      description: 'Kind of value; null for a kind this gateway does not know yet (see `dataTypeName`).',
      resolve: (f) => (f.dataType && DATA_TYPES.includes(f.dataType) ? (f.dataType as DataType) : null),
    }),
    dataTypeName: t.string({ nullable: true, description: "GHL's own name of the kind of value, as sent.", resolve: (f) => f.dataType || null }),
    model: t.field({ type: CustomFieldModel, nullable: true, description: 'Kind of record the field belongs to.', resolve: (f) => f.model ?? null }),
    position: t.int({ nullable: true, description: 'Order of the field in forms.', resolve: (f) => f.position ?? null }),
    options: t.stringList({ description: 'Options to choose from, for option fields.', resolve: (f) => f.picklistOptions ?? [] }),
    imageOptions: t.stringList({ description: 'Image URLs of the options, for image option fields.', resolve: (f) => f.picklistImageOptions ?? [] }),
    allowsCustomOption: t.boolean({ nullable: true, description: 'Whether a value outside the options may be entered.', resolve: (f) => f.isAllowedCustomOption ?? null }),
    allowsMultipleFiles: t.boolean({ nullable: true, description: 'Whether a file field takes several files.', resolve: (f) => f.isMultiFileAllowed ?? null }),
    maxFiles: t.int({ nullable: true, description: 'Most files a file field takes.', resolve: (f) => f.maxFileLimit ?? null }),
    locationId: t.id({ nullable: true, description: 'Id of the location the field belongs to.', resolve: (f) => f.locationId || null }),
  }),
});

export const CustomFieldConnection = connectionType(CustomField, 'CustomField', 'custom field');
