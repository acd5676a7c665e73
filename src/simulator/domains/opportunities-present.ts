import type { ContactRecord } from '../store.js';
import type { OpportunityRecord, PipelineRecord } from './opportunities-state.js';
import { withoutUndefined } from '../../lib/objects.js';

/**
 * Record → wire shape for apps/opportunities.json. Absent values are left out (ASSUMPTIONS D1).
 * `indexVersion` (a search-index counter) is never sent: the simulator has no index.
 */


/** `SearchOpportunitiesContactResponseSchema`: the contact summary GHL embeds in an opportunity. */
function contactSummary(c: ContactRecord): Record<string, unknown> {
  return withoutUndefined({
    id: c.id,
    name: [c.firstName, c.lastName].filter(Boolean).join(' ') || undefined,
    companyName: c.companyName,
    email: c.email,
    phone: c.phone,
    tags: [...c.tags],
  });
}

/** `SearchOpportunitiesResponseSchema`: the same shape for get, create, update, search and upsert. */
export function opportunityDto(o: OpportunityRecord, contact: ContactRecord | undefined): Record<string, unknown> {
  return withoutUndefined({
    id: o.id,
    name: o.name,
    monetaryValue: o.monetaryValue,
    pipelineId: o.pipelineId,
    pipelineStageId: o.pipelineStageId,
    assignedTo: o.assignedTo,
    status: o.status,
    source: o.source,
    lastStatusChangeAt: o.lastStatusChangeAt,
    lastStageChangeAt: o.lastStageChangeAt,
    lastActionDate: o.lastActionDate,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    contactId: o.contactId,
    locationId: o.locationId,
    contact: contact ? contactSummary(contact) : undefined,
    lostReasonId: o.lostReasonId,
    customFields: o.customFields.map((f) => ({ id: f.id, fieldValue: f.fieldValue })),
    followers: [...o.followers],
  });
}

/** `PipelinesResponseSchema`; stages as GHL sends them (the spec leaves their items untyped). */
export function pipelineDto(p: PipelineRecord): Record<string, unknown> {
  return withoutUndefined({
    id: p.id,
    name: p.name,
    stages: p.stages.map((s) => ({ id: s.id, name: s.name, position: s.position, showInFunnel: s.showInFunnel, showInPieChart: s.showInPieChart })),
    showInFunnel: p.showInFunnel,
    showInPieChart: p.showInPieChart,
    locationId: p.locationId,
    colorRenderMode: p.colorRenderMode,
  });
}
