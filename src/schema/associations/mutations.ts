import { createAssociation, createRelation, deleteAssociation, deleteRelation, updateAssociation } from '../../ghl/endpoints/associations.js';
import { builder } from '../builder.js';
import type { UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation } from '../shared/mutation.js';

import { collect, nonBlank } from '../shared/validate.js';
import { Association, Relation } from './types.js';

/** What GHL accepts (the create operation's description: contacts and custom objects). */
const OBJECT_KEY = /^(contact|custom_objects\.[a-z][a-z0-9_]*)$/;
const ASSOCIATION_KEY = /^[a-z][a-z0-9_]*$/;

/** Everything cached that shows an association's keys or labels (relations carry them too). */
const ASSOCIATION_LISTS = ['associationPage', 'associationsByObjectKey', 'associationByKey', 'recordRelations'] as const;

function objectKey(path: string[], value: string): UserErrorShape | null {
  return OBJECT_KEY.test(value) ? null : { code: 'INVALID', field: path, message: `${path.at(-1)} must be "contact" or a custom object key such as "custom_objects.property".` };
}

function associationKey(value: string): UserErrorShape | null {
  return ASSOCIATION_KEY.test(value) ? null : { code: 'INVALID', field: ['input', 'key'], message: 'key must be lowercase letters, digits and underscores, starting with a letter (e.g. "student_teacher").' };
}

const AssociationPayload = (name: string, description: string) =>
  recordPayload(name, description, 'association', Association, 'The association after the change; null when nothing changed.');

const AssociationCreatePayload = AssociationPayload('AssociationCreatePayload', 'Result of `associationCreate`.');
const AssociationUpdatePayload = AssociationPayload('AssociationUpdatePayload', 'Result of `associationUpdate`.');

const AssociationDeletePayload = deletedIdPayload('AssociationDeletePayload', 'Result of `associationDelete`.', 'deletedAssociationId', 'Id of the deleted association; null when nothing was deleted.');

const RelationCreatePayload = recordPayload('RelationCreatePayload', 'Result of `relationCreate`.', 'relation', Relation, 'The new relation; null when none was made.');

const RelationDeletePayload = deletedIdPayload('RelationDeletePayload', 'Result of `relationDelete`.', 'deletedRelationId', 'Id of the deleted relation; null when nothing was deleted.');

const AssociationCreateInput = builder.inputType('AssociationCreateInput', {
  description: 'A new user-defined association between two kinds of records.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Unique key in the location: lowercase letters, digits and underscores, e.g. `student_teacher`.' }),
    firstObjectKey: t.string({ required: true, description: 'Kind of record on the first side: `contact` or `custom_objects.<name>`.' }),
    firstObjectLabel: t.string({ required: true, description: 'What a record on the first side is called, e.g. "Student".' }),
    secondObjectKey: t.string({ required: true, description: 'Kind of record on the second side: `contact` or `custom_objects.<name>`.' }),
    secondObjectLabel: t.string({ required: true, description: 'What a record on the second side is called, e.g. "Teacher".' }),
  }),
});

const AssociationUpdateInput = builder.inputType('AssociationUpdateInput', {
  description: 'New labels for a user-defined association; GHL lets nothing else change and wants both labels.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's association id." }),
    firstObjectLabel: t.string({ required: true, description: 'New label of the first side.' }),
    secondObjectLabel: t.string({ required: true, description: 'New label of the second side.' }),
  }),
});

const AssociationDeleteInput = builder.inputType('AssociationDeleteInput', {
  description: 'The user-defined association to delete; its relations go with it.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's association id." }) }),
});

const RelationCreateInput = builder.inputType('RelationCreateInput', {
  description: 'A link between two records under an association, in the order of its sides.',
  fields: (t) => ({
    associationId: t.id({ required: true, description: 'The association to relate the records under.' }),
    firstRecordId: t.id({ required: true, description: "Id of the record on the association's first side." }),
    secondRecordId: t.id({ required: true, description: "Id of the record on the association's second side." }),
  }),
});

const RelationDeleteInput = builder.inputType('RelationDeleteInput', {
  description: 'The relation to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: "GHL's relation id." }) }),
});

builder.mutationFields((t) => ({
  associationCreate: t.field({
    ...traced('Creates a user-defined association (contact ↔ contact, contact ↔ custom object, custom object ↔ custom object).', 'POST /associations/'),
    type: AssociationCreatePayload,
    args: { input: t.arg({ type: AssociationCreateInput, required: true, description: 'The new association.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(
          associationKey(input.key),
          objectKey(['input', 'firstObjectKey'], input.firstObjectKey),
          objectKey(['input', 'secondObjectKey'], input.secondObjectKey),
          nonBlank(['input', 'firstObjectLabel'], input.firstObjectLabel),
          nonBlank(['input', 'secondObjectLabel'], input.secondObjectLabel),
        ),
        inputFields: ['key', 'firstObjectKey', 'firstObjectLabel', 'secondObjectKey', 'secondObjectLabel'],
        call: () => createAssociation(ctx.ghl, { ...input, firstObjectLabel: input.firstObjectLabel.trim(), secondObjectLabel: input.secondObjectLabel.trim() }),
        stale: { lists: ['associationPage', 'associationsByObjectKey'] },
      });
      return { association: result, userErrors };
    },
  }),
  associationUpdate: t.field({
    ...traced('Renames the two sides of a user-defined association.', 'PUT /associations/{associationId}'),
    type: AssociationUpdatePayload,
    args: { input: t.arg({ type: AssociationUpdateInput, required: true, description: 'The association and its new labels.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'firstObjectLabel'], input.firstObjectLabel), nonBlank(['input', 'secondObjectLabel'], input.secondObjectLabel)),
        inputFields: ['firstObjectLabel', 'secondObjectLabel'],
        call: () => updateAssociation(ctx.ghl, input.id, { firstObjectLabel: input.firstObjectLabel.trim(), secondObjectLabel: input.secondObjectLabel.trim() }),
        stale: { records: { association: [input.id] }, lists: ASSOCIATION_LISTS },
      });
      return { association: result, userErrors };
    },
  }),
  associationDelete: t.field({
    ...traced('Deletes a user-defined association and every relation made under it.', 'DELETE /associations/{associationId}'),
    type: AssociationDeletePayload,
    args: { input: t.arg({ type: AssociationDeleteInput, required: true, description: 'The association to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        call: async () => (await deleteAssociation(ctx.ghl, input.id)).id || input.id,
        stale: { records: { association: [input.id] }, lists: ASSOCIATION_LISTS },
      });
      return { deletedAssociationId: result, userErrors };
    },
  }),
  relationCreate: t.field({
    ...traced('Relates two records under an association.', 'POST /associations/relations'),
    type: RelationCreatePayload,
    args: { input: t.arg({ type: RelationCreateInput, required: true, description: 'The association and the two records.' }) },
    resolve: async (_root, { input }, ctx) => {
      const same: UserErrorShape | null =
        input.firstRecordId === input.secondRecordId ? { code: 'INVALID', field: ['input', 'secondRecordId'], message: 'A record cannot be related to itself.' } : null;
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'associationId'], input.associationId), nonBlank(['input', 'firstRecordId'], input.firstRecordId), nonBlank(['input', 'secondRecordId'], input.secondRecordId), same),
        inputFields: ['associationId', 'firstRecordId', 'secondRecordId'],
        // The association or either record may be the missing one; GHL's message names it.
        notFoundField: ['input'],
        call: () => createRelation(ctx.ghl, input),
        stale: { lists: ['recordRelations'] },
      });
      return { relation: result, userErrors };
    },
  }),
  relationDelete: t.field({
    ...traced('Deletes a relation; the records stay.', 'DELETE /associations/relations/{relationId}'),
    type: RelationDeletePayload,
    args: { input: t.arg({ type: RelationDeleteInput, required: true, description: 'The relation to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        call: async () => (await deleteRelation(ctx.ghl, input.id)).id || input.id,
        stale: { lists: ['recordRelations'] },
      });
      return { deletedRelationId: result, userErrors };
    },
  }),
}));
