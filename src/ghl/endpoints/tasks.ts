import { operation } from '../operations.js';
import type { GhlTask } from './contacts.js';
import type { GhlCallContext } from './types.js';

/** A contact's tasks (apps/contacts.json `CreateTaskParams`, `UpdateTaskBody`; every answer is `{task}`). */

export interface TaskCreateBody {
  title: string;
  body?: string;
  /** ISO 8601. */
  dueDate: string;
  completed: boolean;
  assignedTo?: string;
}

export type TaskUpdateBody = Partial<TaskCreateBody>;

const ops = {
  get: operation('GET /contacts/{contactId}/tasks/{taskId}'),
  create: operation('POST /contacts/{contactId}/tasks'),
  update: operation('PUT /contacts/{contactId}/tasks/{taskId}'),
  complete: operation('PUT /contacts/{contactId}/tasks/{taskId}/completed'),
  remove: operation('DELETE /contacts/{contactId}/tasks/{taskId}'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

export async function getTask(ctx: GhlCallContext, contactId: string, taskId: string): Promise<GhlTask> {
  const res = await ctx.client.call<{ task: GhlTask }>(ops.get, ctx.credential, { ...call(ctx), pathParams: { contactId, taskId } });
  return res.data.task;
}

export async function createTask(ctx: GhlCallContext, contactId: string, body: TaskCreateBody): Promise<GhlTask> {
  const res = await ctx.client.call<{ task: GhlTask }>(ops.create, ctx.credential, { ...call(ctx), pathParams: { contactId }, body });
  return res.data.task;
}

export async function updateTask(ctx: GhlCallContext, contactId: string, taskId: string, body: TaskUpdateBody): Promise<GhlTask> {
  const res = await ctx.client.call<{ task: GhlTask }>(ops.update, ctx.credential, { ...call(ctx), pathParams: { contactId, taskId }, body });
  return res.data.task;
}

/** Marks a task done (or not done again). */
export async function setTaskCompleted(ctx: GhlCallContext, contactId: string, taskId: string, completed: boolean): Promise<GhlTask> {
  const res = await ctx.client.call<{ task: GhlTask }>(ops.complete, ctx.credential, { ...call(ctx), pathParams: { contactId, taskId }, body: { completed } });
  return res.data.task;
}

export async function deleteTask(ctx: GhlCallContext, contactId: string, taskId: string): Promise<void> {
  await ctx.client.call(ops.remove, ctx.credential, { ...call(ctx), pathParams: { contactId, taskId } });
}
