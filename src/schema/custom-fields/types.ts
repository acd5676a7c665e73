import type { GhlCustomField } from '../../ghl/endpoints/custom-fields.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';

export const CustomFieldDataType = describedEnum('CustomFieldDataType', 'What kind of value a custom field holds.', {
  TEXT: ['TEXT', 'One line of text.'],
  LARGE_TEXT: ['LARGE_TEXT', 'Several lines of text.'],
  NUMERICAL: ['NUMERICAL', 'A number.'],
  PHONE: ['PHONE', 'A phone number.'],
  MONETARY: ['MONETORY', 'An amount of money (GHL spells it `MONETORY`).'],
  CHECKBOX: ['CHECKBOX', 'Any number of the listed options, as checkboxes.'],
  SINGLE_OPTIONS: ['SINGLE_OPTIONS', 'One of the listed options, from a dropdown.'],
  MULTIPLE_OPTIONS: ['MULTIPLE_OPTIONS', 'Any number of the listed options, from a dropdown.'],
  DATE: ['DATE', 'A date.'],
  TEXTBOX_LIST: ['TEXTBOX_LIST', 'A list of labelled text boxes.'],
  FILE_UPLOAD: ['FILE_UPLOAD', 'One or more uploaded files.'],
  RADIO: ['RADIO', 'One of the listed options, as radio buttons.'],
  EMAIL: ['EMAIL', 'An email address.'],
});

export const CustomFieldModel = describedEnum('CustomFieldModel', 'The kind of record a custom field belongs to.', {
  CONTACT: ['contact', 'Contacts.'],
  OPPORTUNITY: ['opportunity', 'Opportunities.'],
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
