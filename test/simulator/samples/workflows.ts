import type { DomainSamples } from './types.js';

/** Success samples for the workflows operations the simulator serves. */
export const workflowsSamples: DomainSamples = (_env) => ({});
