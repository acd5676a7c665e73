import { associationsSamples } from './associations.js';
import { blogsSamples } from './blogs.js';
import { calendarsSamples } from './calendars.js';
import { campaignsSamples } from './campaigns.js';
import { companiesSamples } from './companies.js';
import { conversationsSamples } from './conversations.js';
import { coreSamples } from './core.js';
import { customFieldsSamples } from './custom-fields.js';
import { locationListsSamples } from './locations-lists.js';
import { locationsSamples } from './locations.js';
import { opportunitiesSamples } from './opportunities.js';
import { snapshotsSamples } from './snapshots.js';
import type { Sample, SampleEnv } from './types.js';
import { usersSamples } from './users.js';
import { workflowsSamples } from './workflows.js';

/**
 * One success sample per served operation, keyed by `METHOD path`: the core ones, then each
 * domain's (src/simulator/domains/) own file. Used by the contract test and the SDK contract suite.
 */
export function allSamples(env: () => SampleEnv): Record<string, Sample> {
  return {
    ...coreSamples(env),
    ...usersSamples(env),
    ...calendarsSamples(env),
    ...opportunitiesSamples(env),
    ...conversationsSamples(env),
    ...workflowsSamples(env),
    ...campaignsSamples(env),
    ...locationsSamples(env),
    ...customFieldsSamples(env),
    ...companiesSamples(env),
    ...snapshotsSamples(env),
    ...associationsSamples(env),
    ...blogsSamples(env),
    ...locationListsSamples(env),
  };
}
