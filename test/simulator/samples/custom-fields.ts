import type { DomainSamples } from './types.js';

/** Success samples for the custom-fields operations the simulator serves. */
export const customFieldsSamples: DomainSamples = (_env) => ({});
