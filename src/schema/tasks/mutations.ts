import { createTask, deleteTask, setTaskCompleted, updateTask, type TaskUpdateBody } from '../../ghl/endpoints/tasks.js';
import { childKey } from '../../loaders/contacts.js';
import { builder } from '../builder.js';
import type { StaleEntries } from '../../loaders/resources.js';
import { traced } from '../shared/ghl-operation.js';
import { deletedIdPayload, recordPayload, runMutation, type WriteEvent } from '../shared/mutation.js';
import { collect, nonBlank, oneOf } from '../shared/validate.js';
import { Task } from './types.js';

/** Task writes. A task is addressed through its contact, as GHL's paths do. */

const TASK_FIELDS = ['title', 'body', 'dueDate', 'completed', 'assignedTo'] as const;

const ContactTaskCreateInput = builder.inputType('ContactTaskCreateInput', {
  description: 'A new task on a contact.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact the task is for." }),
    title: t.string({ required: true, description: 'Short title.' }),
    body: t.string({ description: 'Details of the task.' }),
    dueDate: t.field({ type: 'DateTime', required: true, description: 'When the task is due.' }),
    completed: t.boolean({ description: 'Whether the task is already done. Default false.' }),
    assignedTo: t.id({ description: 'Id of the GHL user to assign it to.' }),
  }),
});

const ContactTaskUpdateInput = builder.inputType('ContactTaskUpdateInput', {
  description: 'A task and the changes to make; fields left out stay as they are.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact the task belongs to." }),
    id: t.id({ required: true, description: "GHL's task id." }),
    title: t.string({ description: 'Short title.' }),
    body: t.string({ description: 'Details of the task.' }),
    dueDate: t.field({ type: 'DateTime', description: 'When the task is due.' }),
    completed: t.boolean({ description: 'Whether the task is done.' }),
    assignedTo: t.id({ description: 'Id of the GHL user to assign it to.' }),
  }),
});

const ContactTaskCompleteInput = builder.inputType('ContactTaskCompleteInput', {
  description: 'A task to mark done (or, with `completed: false`, open again).',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact the task belongs to." }),
    id: t.id({ required: true, description: "GHL's task id." }),
    completed: t.boolean({ description: 'Done (default true) or open again (false).' }),
  }),
});

const ContactTaskDeleteInput = builder.inputType('ContactTaskDeleteInput', {
  description: 'A task to delete.',
  fields: (t) => ({
    contactId: t.id({ required: true, description: "GHL's id of the contact the task belongs to." }),
    id: t.id({ required: true, description: "GHL's task id." }),
  }),
});

const taskPayload = (name: string) =>
  recordPayload(name, `Result of \`${name.charAt(0).toLowerCase()}${name.slice(1).replace(/Payload$/, '')}\`.`, 'task', Task, 'The task after the change; null when nothing changed.');

const ContactTaskDeletePayload = deletedIdPayload('ContactTaskDeletePayload', 'Result of `contactTaskDelete`.', 'deletedTaskId', 'Id of the deleted task; null when nothing was deleted.');

/** A contact's task list and the single-task read are stale after any write to one of its tasks. */
const taskWritten = (contactId: string, taskId: string): StaleEntries => ({ records: { contactTasks: [contactId], contactTask: [childKey(contactId, taskId)] } });
const taskUpserted = (contactId: string) => (task: object): WriteEvent => ({ upsert: 'contactTask', record: { ...task, contactId } });

const NOT_FOUND_FIELD = { Contact: 'contactId', Task: 'id' };

builder.mutationFields((t) => ({
  contactTaskCreate: t.field({
    ...traced('Adds a task to a contact.', 'POST /contacts/{contactId}/tasks'),
    type: taskPayload('ContactTaskCreatePayload'),
    args: { input: t.arg({ type: ContactTaskCreateInput, required: true, description: 'The contact and the new task.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(nonBlank(['input', 'title'], input.title)),
        inputFields: TASK_FIELDS,
        notFoundField: ['input', 'contactId'],
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () =>
          createTask(ctx.ghl, input.contactId, {
            title: input.title.trim(),
            dueDate: input.dueDate.toISOString(),
            completed: input.completed ?? false,
            ...(input.body ? { body: input.body } : {}),
            ...(input.assignedTo ? { assignedTo: input.assignedTo } : {}),
          }),
        stale: (task) => taskWritten(input.contactId, task.id),
        publish: taskUpserted(input.contactId),
      });
      return { task: result, userErrors };
    },
  }),
  contactTaskUpdate: t.field({
    ...traced('Changes a task of a contact.', 'PUT /contacts/{contactId}/tasks/{taskId}'),
    type: taskPayload('ContactTaskUpdatePayload'),
    args: { input: t.arg({ type: ContactTaskUpdateInput, required: true, description: 'The task and its changes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const body: TaskUpdateBody = {
        ...(input.title != null ? { title: input.title.trim() } : {}),
        ...(input.body != null ? { body: input.body } : {}),
        ...(input.dueDate ? { dueDate: input.dueDate.toISOString() } : {}),
        ...(input.completed != null ? { completed: input.completed } : {}),
        ...(input.assignedTo != null ? { assignedTo: input.assignedTo } : {}),
      };
      const { result, userErrors } = await runMutation(ctx, {
        checks: collect(
          nonBlank(['input', 'title'], input.title),
          oneOf(TASK_FIELDS.map((f) => ['input', f]), TASK_FIELDS.map((f) => input[f])),
        ),
        inputFields: TASK_FIELDS,
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () => updateTask(ctx.ghl, input.contactId, input.id, body),
        stale: taskWritten(input.contactId, input.id),
        publish: taskUpserted(input.contactId),
      });
      return { task: result, userErrors };
    },
  }),
  contactTaskComplete: t.field({
    ...traced('Marks a task done, or open again.', 'PUT /contacts/{contactId}/tasks/{taskId}/completed'),
    type: taskPayload('ContactTaskCompletePayload'),
    args: { input: t.arg({ type: ContactTaskCompleteInput, required: true, description: 'The task.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await runMutation(ctx, {
        inputFields: ['completed'],
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () => setTaskCompleted(ctx.ghl, input.contactId, input.id, input.completed ?? true),
        stale: taskWritten(input.contactId, input.id),
        publish: taskUpserted(input.contactId),
      });
      return { task: result, userErrors };
    },
  }),
  contactTaskDelete: t.field({
    ...traced('Deletes a task of a contact.', 'DELETE /contacts/{contactId}/tasks/{taskId}'),
    type: ContactTaskDeletePayload,
    args: { input: t.arg({ type: ContactTaskDeleteInput, required: true, description: 'The task to delete.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { ok, userErrors } = await runMutation(ctx, {
        notFoundFieldByRecord: NOT_FOUND_FIELD,
        call: () => deleteTask(ctx.ghl, input.contactId, input.id),
        stale: taskWritten(input.contactId, input.id),
        publish: () => ({ delete: 'contactTask', record: { id: input.id, contactId: input.contactId } }),
      });
      return { deletedTaskId: ok ? input.id : null, userErrors };
    },
  }),
}));
