import { childKey } from '../../loaders/contacts.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { Task } from './types.js';

builder.queryField('contactTask', (t) =>
  t.field({
    ...traced('One task of a contact; null with a NOT_FOUND error when the contact has no such task.', 'GET /contacts/{contactId}/tasks/{taskId}'),
    type: Task,
    nullable: true,
    args: {
      contactId: t.arg.id({ required: true, description: "GHL's id of the contact the task belongs to." }),
      id: t.arg.id({ required: true, description: "GHL's task id." }),
    },
    resolve: (_root, { contactId, id }, ctx) => ctx.loaders.contactTask.read(childKey(contactId, id)),
  }),
);
