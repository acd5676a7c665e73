import type { SimulatorStore } from '../store.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * What the simulator keeps for apps/opportunities.json: pipelines with their stages, and
 * opportunities. Records hold what GHL stores; opportunities-present.ts builds the wire shapes.
 * Every write goes through `OpportunitiesState`, so the timestamps GHL reports
 * (`updatedAt`, `lastStatusChangeAt`, `lastStageChangeAt`) can never be forgotten by a handler.
 */

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';
export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['open', 'won', 'lost', 'abandoned'];

export interface StageRecord {
  id: string;
  name: string;
  position: number;
  showInFunnel: boolean;
  showInPieChart: boolean;
}

export interface PipelineRecord {
  id: string;
  locationId: string;
  name: string;
  stages: StageRecord[];
  showInFunnel: boolean;
  showInPieChart: boolean;
  colorRenderMode?: 'dot' | 'bg-tint' | 'none';
}

export interface OpportunityCustomField {
  id: string;
  fieldValue: unknown;
}

export interface OpportunityRecord {
  id: string;
  locationId: string;
  contactId: string;
  name: string;
  pipelineId: string;
  pipelineStageId: string;
  status: OpportunityStatus;
  monetaryValue?: number;
  source?: string;
  assignedTo?: string;
  lostReasonId?: string;
  followers: string[];
  customFields: OpportunityCustomField[];
  createdAt: string;
  updatedAt: string;
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
  lastActionDate: string;
}

/** The fields a write may change. `undefined` removes an optional field. */
export type OpportunityPatch = Partial<Pick<OpportunityRecord, 'name' | 'pipelineId' | 'pipelineStageId' | 'status' | 'monetaryValue' | 'assignedTo' | 'lostReasonId' | 'source' | 'customFields' | 'followers'>>;

export class OpportunitiesState {
  private readonly pipelines = new Map<string, PipelineRecord>();
  private readonly byLocation = new Map<string, Map<string, OpportunityRecord>>();
  private readonly byId = new Map<string, OpportunityRecord>();

  constructor(private readonly store: SimulatorStore) {}

  // Pipelines ---------------------------------------------------------------------------------

  insertPipeline(pipeline: PipelineRecord): PipelineRecord {
    this.pipelines.set(pipeline.id, pipeline);
    return pipeline;
  }

  getPipeline(id: string): PipelineRecord | undefined {
    return this.pipelines.get(id);
  }

  /** A location's pipelines in the order they were made (GHL lists them that way). */
  pipelinesOf(locationId: string): PipelineRecord[] {
    return [...this.pipelines.values()].filter((p) => p.locationId === locationId);
  }

  // Opportunities -----------------------------------------------------------------------------

  /**
   * The opportunity, unless its contact is gone: deleting a contact deletes its opportunities in
   * GHL, and the core store's contact delete does not call into domains, so the cascade happens here.
   */
  get(id: string): OpportunityRecord | undefined {
    const o = this.byId.get(id);
    if (!o) return undefined;
    if (this.store.getContact(o.contactId)?.locationId !== o.locationId) {
      this.remove(o);
      return undefined;
    }
    return o;
  }

  /** A location's opportunities (insertion order; callers sort). */
  listOf(locationId: string): OpportunityRecord[] {
    return [...(this.byLocation.get(locationId)?.values() ?? [])].filter((o) => this.get(o.id) !== undefined);
  }

  /** Adds a fully formed record as is (seeding); no timestamps are touched. */
  insert(record: OpportunityRecord): OpportunityRecord {
    this.byId.set(record.id, record);
    let mine = this.byLocation.get(record.locationId);
    if (!mine) this.byLocation.set(record.locationId, (mine = new Map()));
    mine.set(record.id, record);
    return record;
  }

  create(fields: Pick<OpportunityRecord, 'locationId' | 'contactId' | 'name' | 'pipelineId' | 'pipelineStageId' | 'status'> & OpportunityPatch): OpportunityRecord {
    const now = this.store.nowIso();
    const record: OpportunityRecord = { id: this.store.newId(), followers: [], customFields: [], createdAt: now, updatedAt: now, lastStatusChangeAt: now, lastStageChangeAt: now, lastActionDate: now, ...(withoutUndefined(fields) as typeof fields) };
    return this.insert(record);
  }

  /** Applies a patch; a status change and a stage (or pipeline) change stamp their own times. */
  update(id: string, patch: OpportunityPatch): OpportunityRecord {
    const o = this.byId.get(id);
    if (!o) throw new Error(`No opportunity ${id}`);
    const now = this.store.nowIso();
    const statusChanged = patch.status !== undefined && patch.status !== o.status;
    const stageChanged = (patch.pipelineStageId !== undefined && patch.pipelineStageId !== o.pipelineStageId) || (patch.pipelineId !== undefined && patch.pipelineId !== o.pipelineId);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete (o as unknown as Record<string, unknown>)[k];
      else (o as unknown as Record<string, unknown>)[k] = v;
    }
    if (statusChanged) o.lastStatusChangeAt = now;
    if (stageChanged) o.lastStageChangeAt = now;
    // A lost reason only means something on a lost opportunity.
    if (o.status !== 'lost') delete o.lostReasonId;
    o.updatedAt = now;
    o.lastActionDate = now;
    return o;
  }

  delete(id: string): boolean {
    const o = this.byId.get(id);
    if (!o) return false;
    this.remove(o);
    return true;
  }

  private remove(o: OpportunityRecord): void {
    this.byId.delete(o.id);
    this.byLocation.get(o.locationId)?.delete(o.id);
  }
}

export function opportunitiesState(store: SimulatorStore): OpportunitiesState {
  return store.domainState('opportunities', () => new OpportunitiesState(store));
}
