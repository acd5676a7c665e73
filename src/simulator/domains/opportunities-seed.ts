import type { Random } from '../random.js';
import type { DomainSeedContext } from './types.js';
import { opportunitiesState, type OpportunityRecord, type OpportunityStatus, type PipelineRecord } from './opportunities-state.js';

/**
 * Deterministic pipelines and opportunities for every seeded location: three pipelines, and
 * about one opportunity per contact, never two for a contact in the same pipeline (GHL's default
 * rule, which the handlers enforce too). Ids come from the domain's own stream, so seeding here
 * never shifts the ids the store mints at runtime.
 */

const DAY = 86_400_000;

const PIPELINES: { name: string; stages: string[]; share: number; deals: string[] }[] = [
  { name: 'Sales Pipeline', stages: ['New Lead', 'Contacted', 'Proposal Sent', 'Negotiation', 'Closed'], share: 0.6, deals: ['Website redesign', 'Annual plan', 'Starter package', 'Consulting block', 'Premium upgrade'] },
  { name: 'Onboarding', stages: ['Kickoff', 'Setup', 'Training', 'Live'], share: 0.3, deals: ['Onboarding', 'Account setup', 'Data migration'] },
  { name: 'Renewals', stages: ['Upcoming', 'In Review', 'Renewed'], share: 0.2, deals: ['Renewal', 'Contract extension'] },
];
const SOURCES = ['website', 'referral', 'facebook', 'google ads', 'cold call'];

export function seedOpportunities(ctx: DomainSeedContext): void {
  const state = opportunitiesState(ctx.store);
  const rng = ctx.random;
  for (const seeded of ctx.locations) {
    const userIds = ctx.store.locations.get(seeded.id)?.userIds ?? [];
    const pipelines = PIPELINES.map((p) =>
      state.insertPipeline({
        id: rng.ghlId(),
        locationId: seeded.id,
        name: p.name,
        stages: p.stages.map((name, position) => ({ id: rng.uuid(), name, position, showInFunnel: true, showInPieChart: position < p.stages.length - 1 })),
        showInFunnel: true,
        showInPieChart: true,
      }),
    );
    for (const contact of ctx.store.listContacts(seeded.id)) {
      PIPELINES.forEach((p, i) => {
        if (!rng.chance(p.share)) return;
        const pipeline = pipelines[i] as PipelineRecord;
        const added = Date.parse(contact.dateAdded);
        const createdAt = added + rng.int(Math.max(1, ctx.baseMs - added));
        state.insert(opportunity(rng, { id: rng.ghlId(), locationId: seeded.id, contactId: contact.id, pipeline, createdAt, baseMs: ctx.baseMs, userIds, deal: `${rng.pick(p.deals)} for ${contact.firstName ?? 'client'}` }));
      });
    }
  }
}

function opportunity(rng: Random, o: { id: string; locationId: string; contactId: string; pipeline: PipelineRecord; createdAt: number; baseMs: number; userIds: string[]; deal: string }): OpportunityRecord {
  const roll = rng.next();
  const status: OpportunityStatus = roll < 0.6 ? 'open' : roll < 0.8 ? 'won' : roll < 0.95 ? 'lost' : 'abandoned';
  const stages = o.pipeline.stages;
  // Won deals sit in the last stage; the rest anywhere before it.
  const stage = status === 'won' ? stages.at(-1) : stages[rng.int(Math.max(1, stages.length - 1))];
  const span = Math.max(1, o.baseMs - o.createdAt);
  const stageAt = o.createdAt + rng.int(span);
  const statusAt = status === 'open' ? o.createdAt : stageAt + rng.int(Math.max(1, o.baseMs - stageAt));
  const updatedAt = Math.max(stageAt, statusAt) + rng.int(Math.min(3 * DAY, Math.max(1, o.baseMs - Math.max(stageAt, statusAt))));
  const iso = (t: number) => new Date(t).toISOString();
  return {
    id: o.id,
    locationId: o.locationId,
    contactId: o.contactId,
    name: o.deal,
    pipelineId: o.pipeline.id,
    pipelineStageId: (stage ?? stages[0])!.id,
    status,
    monetaryValue: rng.between(5, 250) * 100,
    ...(rng.chance(0.8) ? { source: rng.pick(SOURCES) } : {}),
    ...(o.userIds.length && rng.chance(0.7) ? { assignedTo: rng.pick(o.userIds) } : {}),
    followers: o.userIds.length && rng.chance(0.1) ? rng.sample(o.userIds, rng.between(1, 2)) : [],
    customFields: [],
    createdAt: iso(o.createdAt),
    updatedAt: iso(updatedAt),
    lastStatusChangeAt: iso(statusAt),
    lastStageChangeAt: iso(stageAt),
    lastActionDate: iso(updatedAt),
  };
}
