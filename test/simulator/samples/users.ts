import type { DomainSamples } from './types.js';

/** Success samples for the users operations the simulator serves. */
export const usersSamples: DomainSamples = (_env) => ({});
