import type { GhlTask } from '../../ghl/endpoints/contacts.js';
import { builder } from '../builder.js';

export const Task = builder.objectRef<GhlTask>('Task').implement({
  description: 'A to-do on a contact (GHL contact task).',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's task id." }),
    title: t.string({ nullable: true, description: 'Short title.', resolve: (task) => task.title ?? null }),
    body: t.string({ nullable: true, description: 'Details of the task.', resolve: (task) => task.body ?? null }),
    dueDate: t.field({ type: 'DateTime', nullable: true, description: 'When the task is due.', resolve: (task) => task.dueDate ?? null }),
    completed: t.boolean({ description: 'Whether the task is done.', resolve: (task) => task.completed ?? false }),
    assignedTo: t.id({ nullable: true, description: 'Id of the GHL user the task is assigned to.', resolve: (task) => task.assignedTo ?? null }),
    contactId: t.id({ nullable: true, description: 'Id of the contact the task belongs to.', resolve: (task) => task.contactId ?? null }),
  }),
});
