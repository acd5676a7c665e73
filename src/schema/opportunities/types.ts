import type { GhlOpportunity, GhlOpportunityCustomField, GhlPipeline } from '../../ghl/endpoints/opportunities.js';
import { GhlNotFoundError } from '../../ghl/errors.js';
import { builder } from '../builder.js';
import { Contact } from '../contacts/types.js';
import { connectionType } from '../shared/pagination.js';
import { findPipeline, findStage, type StageNode } from './pipelines.js';

export const OpportunityStatus = builder.enumType('OpportunityStatus', {
  description: 'Where an opportunity stands, independently of its pipeline stage.',
  values: {
    OPEN: { value: 'open', description: 'Still being worked on.' },
    WON: { value: 'won', description: 'Closed with the deal made.' },
    LOST: { value: 'lost', description: 'Closed without the deal.' },
    ABANDONED: { value: 'abandoned', description: 'Dropped without a decision either way.' },
  } as const,
});

export const PipelineColorRenderMode = builder.enumType('PipelineColorRenderMode', {
  description: 'How GHL shows the colours of a pipeline and its stages.',
  values: {
    DOT: { value: 'dot', description: 'A coloured dot beside the name.' },
    BG_TINT: { value: 'bg-tint', description: 'A tinted background.' },
    NONE: { value: 'none', description: 'No colour.' },
  } as const,
});

/** Custom field values come as a string, an object, or an array of either. */
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export const OpportunityCustomFieldValue = builder.objectRef<GhlOpportunityCustomField>('OpportunityCustomFieldValue').implement({
  description: "An opportunity's value for one custom field.",
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's custom field id." }),
    value: t.string({
      nullable: true,
      description: 'The value as text; for multi-value fields, the values joined by ", "; objects as JSON.',
      resolve: (f) => (f.fieldValue === undefined || f.fieldValue === null ? null : Array.isArray(f.fieldValue) ? f.fieldValue.map(asText).join(', ') : asText(f.fieldValue)),
    }),
    values: t.stringList({
      description: 'The value as a list: one entry for single-value fields, none when empty.',
      resolve: (f) => (f.fieldValue === undefined || f.fieldValue === null || f.fieldValue === '' ? [] : Array.isArray(f.fieldValue) ? f.fieldValue.map(asText) : [asText(f.fieldValue)]),
    }),
  }),
});

export const Pipeline = builder.objectRef<GhlPipeline>('Pipeline');
export const PipelineStage = builder.objectRef<StageNode>('PipelineStage');
export const Opportunity = builder.objectRef<GhlOpportunity>('Opportunity');

Pipeline.implement({
  description: 'A sales pipeline: the ordered stages an opportunity moves through.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's pipeline id." }),
    name: t.string({ nullable: true, description: 'Name of the pipeline.', resolve: (p) => p.name ?? null }),
    locationId: t.id({ nullable: true, description: 'Id of the GHL location that owns the pipeline.', resolve: (p) => p.locationId ?? null }),
    stages: t.field({
      type: [PipelineStage],
      description: 'The stages, in pipeline order.',
      resolve: (p) => [...(p.stages ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((s) => ({ ...s, pipelineId: p.id })),
    }),
    showInFunnel: t.boolean({ description: 'Whether GHL shows the pipeline in funnel charts.', resolve: (p) => p.showInFunnel ?? false }),
    showInPieChart: t.boolean({ description: 'Whether GHL shows the pipeline in pie charts.', resolve: (p) => p.showInPieChart ?? false }),
    colorRenderMode: t.field({ type: PipelineColorRenderMode, nullable: true, description: 'How colours are shown, when GHL says.', resolve: (p) => p.colorRenderMode ?? null }),
  }),
});

PipelineStage.implement({
  description: 'One stage of a pipeline, e.g. "Proposal Sent".',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's stage id (`pipelineStageId`)." }),
    name: t.string({ nullable: true, description: 'Name of the stage.', resolve: (s) => s.name ?? null }),
    position: t.int({ nullable: true, description: 'Place of the stage in its pipeline, from 0.', resolve: (s) => s.position ?? null }),
    showInFunnel: t.boolean({ description: 'Whether GHL shows the stage in funnel charts.', resolve: (s) => s.showInFunnel ?? false }),
    showInPieChart: t.boolean({ description: 'Whether GHL shows the stage in pie charts.', resolve: (s) => s.showInPieChart ?? false }),
    pipelineId: t.exposeID('pipelineId', { description: 'Id of the pipeline the stage belongs to.' }),
    pipeline: t.field({
      type: Pipeline,
      nullable: true,
      description: 'The pipeline the stage belongs to. GHL: `get-pipelines` (GET /opportunities/pipelines), once per request.',
      resolve: (s, _args, ctx) => findPipeline(ctx, s.pipelineId),
    }),
  }),
});

const text = (key: keyof GhlOpportunity) => (o: GhlOpportunity) => (o[key] as string | undefined) || null;
const STATUSES = new Set(['open', 'won', 'lost', 'abandoned']);

Opportunity.implement({
  description: 'A deal with a contact, placed in a pipeline stage, with a value and a status.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's opportunity id." }),
    name: t.string({ nullable: true, description: 'Name of the opportunity.', resolve: text('name') }),
    monetaryValue: t.float({ nullable: true, description: 'Value of the deal, in the location\'s currency.', resolve: (o) => o.monetaryValue ?? null }),
    status: t.field({
      type: OpportunityStatus,
      nullable: true,
      description: 'Open, won, lost or abandoned; null if GHL sends a status this gateway does not know.',
      resolve: (o) => (o.status && STATUSES.has(o.status) ? (o.status as 'open') : null),
    }),
    source: t.string({ nullable: true, description: 'Where the opportunity came from.', resolve: text('source') }),
    locationId: t.id({ nullable: true, description: 'Id of the GHL location that owns the opportunity.', resolve: text('locationId') }),
    contactId: t.id({ nullable: true, description: 'Id of the contact the deal is with.', resolve: text('contactId') }),
    pipelineId: t.id({ nullable: true, description: 'Id of the pipeline the opportunity is in.', resolve: text('pipelineId') }),
    stageId: t.id({ nullable: true, description: "Id of the pipeline stage the opportunity is in (GHL's `pipelineStageId`).", resolve: text('pipelineStageId') }),
    assignedTo: t.id({ nullable: true, description: 'Id of the GHL user who owns the opportunity.', resolve: text('assignedTo') }),
    followers: t.idList({ description: 'Ids of the GHL users who follow the opportunity.', resolve: (o) => o.followers ?? [] }),
    lostReasonId: t.id({ nullable: true, description: 'Id of the reason the deal was lost, when it was.', resolve: text('lostReasonId') }),
    customFields: t.field({ type: [OpportunityCustomFieldValue], description: 'Values of custom fields set on the opportunity.', resolve: (o) => o.customFields ?? [] }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When the opportunity was created.', resolve: text('createdAt') }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the opportunity last changed.', resolve: text('updatedAt') }),
    lastStatusChangeAt: t.field({ type: 'DateTime', nullable: true, description: 'When the status last changed.', resolve: text('lastStatusChangeAt') }),
    lastStageChangeAt: t.field({ type: 'DateTime', nullable: true, description: 'When the opportunity last moved to another stage.', resolve: text('lastStageChangeAt') }),
    lastActionDate: t.field({ type: 'DateTime', nullable: true, description: 'When anything was last done on the opportunity.', resolve: text('lastActionDate') }),
    contact: t.field({
      type: Contact,
      nullable: true,
      description: 'The contact the deal is with; null if it no longer exists. GHL: `get-contact` (GET /contacts/{contactId}), once per distinct contact.',
      resolve: async (o, _args, ctx) => {
        if (!o.contactId) return null;
        try {
          return await ctx.loaders.contact.load(o.contactId);
        } catch (err) {
          if (err instanceof GhlNotFoundError) return null;
          throw err;
        }
      },
    }),
    pipeline: t.field({
      type: Pipeline,
      nullable: true,
      description: 'The pipeline the opportunity is in. GHL: `get-pipelines` (GET /opportunities/pipelines), once per request for all opportunities.',
      resolve: (o, _args, ctx) => (o.pipelineId ? findPipeline(ctx, o.pipelineId) : null),
    }),
    stage: t.field({
      type: PipelineStage,
      nullable: true,
      description: 'The stage the opportunity is in. GHL: `get-pipelines` (GET /opportunities/pipelines), once per request for all opportunities.',
      resolve: (o, _args, ctx) => (o.pipelineStageId ? findStage(ctx, o.pipelineStageId, o.pipelineId) : null),
    }),
  }),
});

export const OpportunityConnection = connectionType(Opportunity, 'Opportunity', 'opportunity');
export const PipelineConnection = connectionType(Pipeline, 'Pipeline', 'pipeline');
