import { operation } from '../operations.js';
import type { GhlCallContext } from './types.js';

/** `SnapshotsSchema` of apps/snapshots.json. */
export interface GhlSnapshot {
  id: string;
  name?: string;
  /** `own` or `imported`. */
  type?: string;
}

const ops = { list: operation('GET /snapshots/') };

/** Agency-only; unpaged. */
export async function listSnapshots(ctx: GhlCallContext, companyId: string): Promise<GhlSnapshot[]> {
  const res = await ctx.client.call<{ snapshots: GhlSnapshot[] }>(ops.list, ctx.credential, { priority: ctx.priority ?? 'interactive', meter: ctx.meter, query: { companyId } });
  return res.data.snapshots ?? [];
}
