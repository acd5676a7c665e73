import type { DomainSamples } from './types.js';

/** Success samples for the snapshots operations the simulator serves. */
export const snapshotsSamples: DomainSamples = (_env) => ({});
