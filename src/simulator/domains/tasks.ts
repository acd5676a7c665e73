import { unprocessable } from '../errors.js';
import type { RouteTable } from '../routes/types.js';
import { body, contactOf, created, ok, ownTask, SUCCEDED } from './contacts-access.js';
import { taskDto } from './contacts-present.js';
import type { SimulatorDomain } from './types.js';

/**
 * A contact's tasks (apps/contacts.json, under `/contacts/{contactId}/tasks`). Tasks are core
 * store records, seeded with their contacts by seed.ts.
 */

function isoDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw unprocessable([`${name} must be a valid ISO 8601 date string`]);
  return new Date(t).toISOString();
}

const routes: RouteTable = {
  'GET /contacts/{contactId}/tasks': (ctx) => {
    const tasks = ctx.store.listTasks(contactOf(ctx).id).sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
    return ok({ tasks: tasks.map(taskDto) });
  },

  'GET /contacts/{contactId}/tasks/{taskId}': (ctx) => ok({ task: taskDto(ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string)) }),

  'POST /contacts/{contactId}/tasks': (ctx) => {
    const input = body<{ title: string; body?: string; dueDate: string; completed: boolean; assignedTo?: string }>(ctx);
    const dueDate = isoDate(input.dueDate, 'dueDate') as string;
    const task = ctx.store.createTask(contactOf(ctx), { title: input.title, body: input.body, dueDate, completed: input.completed, assignedTo: input.assignedTo });
    return created({ task: taskDto(task) });
  },

  'PUT /contacts/{contactId}/tasks/{taskId}': (ctx) => {
    const task = ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string);
    const input = body<{ title?: string; body?: string; dueDate?: string; completed?: boolean; assignedTo?: string }>(ctx);
    const patch = { title: input.title, body: input.body, dueDate: isoDate(input.dueDate, 'dueDate'), completed: input.completed, assignedTo: input.assignedTo };
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return ok({ task: taskDto(ctx.store.updateTask(task.id, defined)) });
  },

  'PUT /contacts/{contactId}/tasks/{taskId}/completed': (ctx) => {
    const task = ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string);
    return ok({ task: taskDto(ctx.store.updateTask(task.id, { completed: body<{ completed: boolean }>(ctx).completed })) });
  },

  'DELETE /contacts/{contactId}/tasks/{taskId}': (ctx) => {
    ctx.store.deleteTask(ownTask(ctx, contactOf(ctx), ctx.params['taskId'] as string).id);
    return ok(SUCCEDED);
  },
};

export const tasksDomain: SimulatorDomain = { name: 'tasks', routes };
