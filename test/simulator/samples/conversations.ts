import type { DomainSamples } from './types.js';

/** Success samples for the conversations operations the simulator serves. */
export const conversationsSamples: DomainSamples = (_env) => ({});
