import type { DomainSamples } from './types.js';

/** Success samples for the opportunities operations the simulator serves. */
export const opportunitiesSamples: DomainSamples = (_env) => ({});
