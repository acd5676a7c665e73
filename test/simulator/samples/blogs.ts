import type { DomainSamples } from './types.js';

/** Success samples for the blogs operations the simulator serves. */
export const blogsSamples: DomainSamples = (_env) => ({});
