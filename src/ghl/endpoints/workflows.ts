import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `WorkflowSchema` in apps/workflows.json. */
export interface GhlWorkflow {
  id: string;
  name?: string;
  status?: string;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
  locationId?: string;
}

const ops = {
  list: operation('GET /workflows/'),
  addContact: operation('POST /contacts/{contactId}/workflow/{workflowId}'),
  removeContact: operation('DELETE /contacts/{contactId}/workflow/{workflowId}'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });

/** Every workflow of the location; GHL does not page this list. */
export async function listWorkflows(ctx: GhlCallContext): Promise<GhlWorkflow[]> {
  const res = await ctx.client.call<{ workflows?: GhlWorkflow[] }>(ops.list, ctx.credential, { ...call(ctx), query: { locationId: ctx.credential.locationId } });
  return res.data.workflows ?? [];
}

/** `CreateWorkflowDto`: both enrol and removal take an optional `eventStartTime` (ISO 8601). */
export async function addContactToWorkflow(ctx: GhlCallContext, contactId: string, workflowId: string, eventStartTime?: string): Promise<void> {
  await ctx.client.call(ops.addContact, ctx.credential, { ...call(ctx), pathParams: { contactId, workflowId }, body: eventStartTime ? { eventStartTime } : {} });
}

export async function removeContactFromWorkflow(ctx: GhlCallContext, contactId: string, workflowId: string, eventStartTime?: string): Promise<void> {
  await ctx.client.call(ops.removeContact, ctx.credential, { ...call(ctx), pathParams: { contactId, workflowId }, body: eventStartTime ? { eventStartTime } : {} });
}
