import type { DomainSamples } from './types.js';

/** Success samples for the campaigns operations the simulator serves. */
export const campaignsSamples: DomainSamples = (_env) => ({});
