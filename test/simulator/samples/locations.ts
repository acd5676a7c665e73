import type { DomainSamples } from './types.js';

/** Success samples for the locations operations the simulator serves. */
export const locationsSamples: DomainSamples = (_env) => ({});
