import type { GhlAssociation } from '../../ghl/endpoints/associations.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { PATH_SEGMENT } from '../shared/input-bounds.js';
import { offsetConnection, sliceConnection } from '../shared/offset-connection.js';
import { pageArgs } from '../shared/pagination.js';
import { recordRelationsConnection } from './relations-page.js';
import { Association, AssociationConnection, RelationConnection } from './types.js';

const PAGE = { defaultSize: 20, maxSize: 100 };

builder.queryFields((t) => ({
  associations: t.field({
    ...traced('Every association of the location, system-defined first.', 'GET /associations/'),
    type: AssociationConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) =>
      offsetConnection<GhlAssociation>(args, { ...PAGE, idOf: (a) => a.id, fetch: ({ offset, limit }) => ctx.loaders.associationPage.load({ skip: offset, limit }) }),
  }),
  association: t.field({
    ...traced('One association by its GHL id; null with a NOT_FOUND error when it does not exist.', 'GET /associations/{associationId}'),
    type: Association,
    nullable: true,
    args: { id: t.arg.id({ required: true, description: "GHL's association id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.association.read(id),
  }),
  associationByKey: t.field({
    ...traced('One association by its unique key; null with a NOT_FOUND error when no association has it.', 'GET /associations/key/{key_name}'),
    type: Association,
    nullable: true,
    args: { key: t.arg.string({ required: true, description: 'The association key, e.g. `student_teacher`.', extensions: PATH_SEGMENT }) },
    resolve: (_root, { key }, ctx) => ctx.loaders.associationByKey.read(key),
  }),
  associationsByObjectKey: t.field({
    ...traced('The associations with a kind of record on either side. GHL answers them all at once; the connection pages them here.', 'GET /associations/objectKey/{objectKey}'),
    type: AssociationConnection,
    args: {
      objectKey: t.arg.string({ required: true, description: 'Kind of record: `contact`, or a custom object key such as `custom_objects.property`.', extensions: PATH_SEGMENT }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: async (_root, args, ctx) => sliceConnection(await ctx.loaders.associationsByObjectKey.load(args.objectKey), args, { ...PAGE, idOf: (a) => a.id }),
  }),
  relations: t.field({
    ...traced('The relations of any record (a contact, a custom object record…), oldest first.', 'GET /associations/relations/{recordId}'),
    type: RelationConnection,
    args: {
      recordId: t.arg.id({ required: true, description: 'Id of the record whose relations to list.' }),
      associationId: t.arg.id({ description: 'Only relations under this association.' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) => recordRelationsConnection(ctx, args.recordId, args),
  }),
}));
