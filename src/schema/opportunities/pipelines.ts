import type { GraphQLContext } from '../../context.js';
import type { GhlPipeline, GhlPipelineStage } from '../../ghl/endpoints/opportunities.js';

/**
 * Pipelines and stages resolve from ONE `GET /opportunities/pipelines` per request (and per TTL
 * across requests): GHL has no read for a single pipeline or stage, and a location has few.
 */

/** A stage with the id of its pipeline, which GHL's stage objects do not carry. */
export type StageNode = GhlPipelineStage & { pipelineId: string };

export function locationPipelines(ctx: GraphQLContext): Promise<GhlPipeline[]> {
  return ctx.loaders.opportunityPipelines.load(ctx.credential.locationId);
}

export async function findPipeline(ctx: GraphQLContext, id: string): Promise<GhlPipeline | null> {
  return (await locationPipelines(ctx)).find((p) => p.id === id) ?? null;
}

/** Stage ids are unique across a location's pipelines, so the pipeline is only a hint. */
export async function findStage(ctx: GraphQLContext, stageId: string, pipelineId?: string): Promise<StageNode | null> {
  const pipelines = await locationPipelines(ctx);
  const ordered = pipelineId ? [...pipelines].sort((a, b) => Number(b.id === pipelineId) - Number(a.id === pipelineId)) : pipelines;
  for (const p of ordered) {
    const stage = p.stages?.find((s) => s.id === stageId);
    if (stage) return { ...stage, pipelineId: p.id };
  }
  return null;
}
