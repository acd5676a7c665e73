import type { GhlAssociation, GhlRelation } from '../../ghl/endpoints/associations.js';
import type { GhlContact } from '../../ghl/endpoints/contacts.js';
import { GhlNotFoundError } from '../../ghl/errors.js';
import type { GraphQLContext } from '../../context.js';
import { builder } from '../builder.js';
import { Contact } from '../contacts/types.js';
import { describedEnum } from '../shared/enums.js';
import { traced } from '../shared/ghl-operation.js';
import { connectionType } from '../shared/pagination.js';

export const AssociationTypeEnum = describedEnum('AssociationType', 'Who defined an association.', {
  USER_DEFINED: ['USER_DEFINED', 'Created by the location (or an app); its labels can change and it can be deleted.'],
  SYSTEM_DEFINED: ['SYSTEM_DEFINED', 'Built into GHL; it can be read and used for relations, not changed or deleted.'],
});

/** GHL types the labels and object keys as free-form objects; they are strings in practice. */
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export const Association = builder.objectRef<GhlAssociation>('Association').implement({
  description: 'A kind of link between two kinds of records (contact ↔ contact, contact ↔ custom object…), with a label for each side. Relations are its instances.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's association id." }),
    key: t.string({ description: 'Unique key of the association in the location, e.g. `student_teacher`.', resolve: (a) => str(a.key) }),
    firstObjectKey: t.string({ description: 'Kind of record on the first side: `contact`, or a custom object key such as `custom_objects.property`.', resolve: (a) => str(a.firstObjectKey) }),
    firstObjectLabel: t.string({ description: 'What a record on the first side is called in this association, e.g. "Student".', resolve: (a) => str(a.firstObjectLabel) }),
    secondObjectKey: t.string({ description: 'Kind of record on the second side.', resolve: (a) => str(a.secondObjectKey) }),
    secondObjectLabel: t.string({ description: 'What a record on the second side is called in this association, e.g. "Teacher".', resolve: (a) => str(a.secondObjectLabel) }),
    type: t.field({
      type: AssociationTypeEnum,
      description: 'Whether GHL or the location defined it.',
      resolve: (a) => (str(a.associationType) === 'SYSTEM_DEFINED' ? 'SYSTEM_DEFINED' : 'USER_DEFINED'),
    }),
  }),
});

/** A record the gateway does not model (a custom object record, a business…), known by kind and id. */
export class ObjectRecordRef {
  constructor(
    readonly objectKey: string,
    readonly id: string,
  ) {}
}

export const ObjectRecord = builder.objectRef<ObjectRecordRef>('ObjectRecord').implement({
  description: 'A record on one side of a relation that this API does not model as its own type (a custom object record, a business…): its kind and id.',
  fields: (t) => ({
    objectKey: t.exposeString('objectKey', { description: 'Kind of record, e.g. `custom_objects.property` or `business`.' }),
    id: t.exposeID('id', { description: "GHL's id of the record." }),
  }),
});

export const RelatedRecord = builder.unionType('RelatedRecord', {
  description: 'A record on one side of a relation: a `Contact` when the side is `contact`, otherwise an `ObjectRecord` (kind and id).',
  types: [Contact, ObjectRecord],
  resolveType: (record) => (record instanceof ObjectRecordRef ? 'ObjectRecord' : 'Contact'),
});

/** A relation as the schema sees it: GHL's, plus the record it was listed for, when it was listed for one. */
export type RelationView = GhlRelation & { viewedFrom?: string };

/** The kinds of record on each side: carried by GHL's answer, otherwise read from the association. */
async function objectKeysOf(r: RelationView, ctx: GraphQLContext): Promise<{ first: string; second: string }> {
  if (r.firstObjectKey && r.secondObjectKey) return { first: str(r.firstObjectKey), second: str(r.secondObjectKey) };
  const a = await ctx.loaders.association.load(r.associationId);
  return { first: str(a.firstObjectKey), second: str(a.secondObjectKey) };
}

/** Contacts go through the contact loader (one GHL read per distinct contact); a deleted one is null. */
async function recordOf(objectKey: string, id: string, ctx: GraphQLContext): Promise<GhlContact | ObjectRecordRef | null> {
  if (objectKey !== 'contact') return new ObjectRecordRef(objectKey, id);
  try {
    return await ctx.loaders.contact.load(id);
  } catch (err) {
    if (err instanceof GhlNotFoundError) return null;
    throw err;
  }
}

export const Relation = builder.objectRef<RelationView>('Relation').implement({
  description: 'One link between two records under an association, e.g. contact A "Referrer" of contact B "Referred".',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's relation id." }),
    associationId: t.exposeID('associationId', { description: 'Id of the association this relation is an instance of.' }),
    firstRecordId: t.exposeID('firstRecordId', { description: 'Id of the record on the association\'s first side.' }),
    secondRecordId: t.exposeID('secondRecordId', { description: 'Id of the record on the association\'s second side.' }),
    association: t.field({
      nullable: true,
      ...traced('The association (its keys and labels), read once per distinct association. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.', 'GET /associations/{associationId}'),
      type: Association,
      resolve: (r, _args, ctx) => ctx.loaders.association.read(r.associationId),
    }),
    firstRecord: t.field({
      ...traced('The record on the first side; a contact is read once per distinct contact. Null when that contact no longer exists.', 'GET /contacts/{contactId}'),
      type: RelatedRecord,
      nullable: true,
      resolve: async (r, _args, ctx) => recordOf((await objectKeysOf(r, ctx)).first, r.firstRecordId, ctx),
    }),
    secondRecord: t.field({
      ...traced('The record on the second side, as `firstRecord`.', 'GET /contacts/{contactId}'),
      type: RelatedRecord,
      nullable: true,
      resolve: async (r, _args, ctx) => recordOf((await objectKeysOf(r, ctx)).second, r.secondRecordId, ctx),
    }),
    otherRecord: t.field({
      ...traced(
        'When the relation was listed for a record (`Contact.relations`, `relations(recordId)`): the record on the other side. Null when the relation was reached otherwise (e.g. from a mutation) or that record no longer exists.',
        'GET /contacts/{contactId}',
      ),
      type: RelatedRecord,
      nullable: true,
      resolve: async (r, _args, ctx) => {
        if (r.viewedFrom === undefined) return null;
        const keys = await objectKeysOf(r, ctx);
        if (r.viewedFrom === r.firstRecordId) return recordOf(keys.second, r.secondRecordId, ctx);
        if (r.viewedFrom === r.secondRecordId) return recordOf(keys.first, r.firstRecordId, ctx);
        return null;
      },
    }),
  }),
});

export const AssociationConnection = connectionType(Association, 'Association', 'association');
export const RelationConnection = connectionType(Relation, 'Relation', 'relation');
