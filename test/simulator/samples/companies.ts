import type { DomainSamples } from './types.js';

/** Success samples for the companies operations the simulator serves. */
export const companiesSamples: DomainSamples = (_env) => ({});
