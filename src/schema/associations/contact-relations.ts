import { builder } from '../builder.js';
import { Contact } from '../contacts/types.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { recordRelationsConnection, RELATIONS_PAGE } from './relations-page.js';
import { RelationConnection } from './types.js';

// Added from this folder, so the contacts domain needs no change to link to relations.
builder.objectField(Contact, 'relations', (t) =>
  t.field({
    nullable: true,
    ...traced("The contact's relations to other records (contacts, custom object records…), oldest first; one GHL call per distinct contact and page. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.", 'GET /associations/relations/{recordId}'),
    type: RelationConnection,
    args: {
      associationId: t.arg.id({ description: 'Only relations under this association.' }),
      ...pageArgs(t.arg, RELATIONS_PAGE),
    },
    resolve: (contact, args, ctx) => recordRelationsConnection(ctx, contact.id, args),
  }),
);
