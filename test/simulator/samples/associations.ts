import type { DomainSamples } from './types.js';

/** Success samples for the associations operations the simulator serves. */
export const associationsSamples: DomainSamples = (_env) => ({});
