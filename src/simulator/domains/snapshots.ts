import { assertOwnCompany, tokenOf } from './companies-access.js';
import { snapshotsState, type SnapshotRecord } from './snapshots-state.js';
import type { SimulatorDomain } from './types.js';

/** apps/snapshots.json: `GET /snapshots/` lists the agency's snapshots as `{snapshots[]}`, unpaged (Agency-Access only). */

const SNAPSHOTS: { name: string; type: SnapshotRecord['type'] }[] = [
  { name: 'Dental practice starter', type: 'own' },
  { name: 'Fitness studio funnels', type: 'own' },
  { name: 'Real estate CRM', type: 'imported' },
];

export const snapshotsDomain: SimulatorDomain = {
  name: 'snapshots',
  routes: {
    'GET /snapshots/': (ctx) => {
      assertOwnCompany(ctx, ctx.query['companyId']);
      const snapshots = snapshotsState(ctx.store).ofCompany(tokenOf(ctx).companyId);
      return { status: 200, body: { snapshots: snapshots.map((s) => ({ id: s.id, name: s.name, type: s.type })) } };
    },
  },
  seed({ store, random }) {
    const state = snapshotsState(store);
    for (const companyId of store.companies.keys()) {
      for (const s of SNAPSHOTS) state.insert({ id: random.ghlId(), companyId, ...s });
    }
  },
};
