import { forbiddenLocation, notFound } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import type { SimulatorStore } from '../store.js';

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
export class WorkflowsState {
  private readonly byId = new Map<string, WorkflowRecord>();

  insert(workflow: WorkflowRecord): WorkflowRecord {
    if (this.byId.has(workflow.id)) throw new Error(`Duplicate workflow id ${workflow.id}`);
    this.byId.set(workflow.id, workflow);
    return workflow;
  }

  get(id: string): WorkflowRecord | undefined {
    return this.byId.get(id);
  }

  /** A location's workflows by name, then id: a stable order for a list GHL does not page. */
  list(locationId: string): WorkflowRecord[] {
    return [...this.byId.values()].filter((w) => w.locationId === locationId).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}

export const workflowsState = (store: SimulatorStore): WorkflowsState => store.domainState('workflows', () => new WorkflowsState());

/** A workflow of the token's location: 404 when unknown, 403 when another location's (B2). */
export function ownWorkflow(ctx: RequestContext, id: string): WorkflowRecord {
  const workflow = workflowsState(ctx.store).get(id);
  if (!workflow) throw notFound('Workflow not found');
  if (workflow.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return workflow;
}
