import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';
import { LocationRecords } from './location-records.js';

/** `WorkflowSchema` of apps/workflows.json, as the simulator stores it. */
export interface WorkflowRecord {
  id: string;
  locationId: string;
  name: string;
  status: 'draft' | 'published';
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The workflows of every location. GHL's API can only list them; they are made in GHL's builder. */
export const workflowsState = (store: SimulatorStore): LocationRecords<WorkflowRecord> => store.domainState('workflows', () => new LocationRecords<WorkflowRecord>('workflow'));

/** A workflow of the token's location: 404 when unknown, 403 when another location's (B2). */
export function ownWorkflow(ctx: RequestContext, id: string): WorkflowRecord {
  const workflow = workflowsState(ctx.store).get(id);
  if (!workflow) throw notFound('Workflow not found');
  if (workflow.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return workflow;
}
