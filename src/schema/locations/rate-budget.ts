import { builder } from '../builder.js';
import { Location } from './types.js';

/**
 * The rate budget the gateway keeps for each location (GHL: 100 calls per 10 s and 200,000 a day
 * per location), as its scheduler sees it now. Read from the gateway's own ledger: no GHL call.
 */
interface RateBudgetShape {
  burstLimit: number;
  burstWindowMs: number;
  usedInBurstWindow: number;
  dailyLimit: number;
  usedToday: number;
  queuedInteractive: number;
  queuedBackground: number;
  throttled: number;
}

const RateBudget = builder.objectRef<RateBudgetShape>('RateBudget').implement({
  description: "A location's GHL rate budget as this gateway spends it: calls in the current burst window and today, against GHL's limits, and calls waiting for a slot.",
  fields: (t) => ({
    burstLimit: t.int({ description: 'Calls GHL allows per burst window (100 unless its headers say otherwise).', resolve: (b) => b.burstLimit }),
    burstWindowSeconds: t.float({ description: 'Length of the burst window, in seconds (10 unless GHL says otherwise).', resolve: (b) => b.burstWindowMs / 1000 }),
    usedInBurstWindow: t.int({ description: 'Calls sent in the current burst window, including usage learnt from GHL\'s headers.', resolve: (b) => b.usedInBurstWindow }),
    dailyLimit: t.int({ description: 'Calls GHL allows per rolling day (200,000 unless its headers say otherwise).', resolve: (b) => b.dailyLimit }),
    usedToday: t.int({ description: 'Calls sent in the rolling day, including usage learnt from GHL\'s headers.', resolve: (b) => b.usedToday }),
    queuedInteractive: t.int({ description: 'Queries and mutations waiting for a slot now.', resolve: (b) => b.queuedInteractive }),
    queuedBackground: t.int({ description: 'Background calls (subscription polls, refreshes) waiting for a slot now.', resolve: (b) => b.queuedBackground }),
    throttled: t.int({ description: 'Times GHL answered 429 (too many requests) for this location since the gateway started.', resolve: (b) => b.throttled }),
  }),
});

builder.objectField(Location, 'rateBudget', (t) =>
  t.field({
    type: RateBudget,
    nullable: true,
    description: "The GHL rate budget this gateway is spending for the location, read from its scheduler (no GHL call). Null for any location but the caller's own.",
    resolve: (location, _args, ctx) => {
      if (location.id !== ctx.credential.locationId) return null;
      const limiter = ctx.ghl.client.limiter;
      const stats = limiter.stats(location.id);
      const limits = limiter.limits(location.id);
      return {
        burstLimit: limits.burstMax,
        burstWindowMs: limits.burstWindowMs,
        usedInBurstWindow: stats.usedInWindow,
        dailyLimit: limits.dailyMax,
        usedToday: stats.usedToday,
        queuedInteractive: stats.queued.interactive,
        queuedBackground: stats.queued.background,
        throttled: stats.throttled429,
      };
    },
  }),
);
