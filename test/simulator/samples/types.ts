import type { SeededLocation, Simulator } from '../../../src/simulator/server.js';
import type { CallResult } from '../helpers.js';

/** The running simulator and its first seeded location, read when a sample runs. */
export interface SampleEnv {
  sim: Simulator;
  loc: SeededLocation;
}

/** One real success call of an operation (see contract.test.ts). */
export type Sample = () => Promise<CallResult>;

/** A domain's samples, keyed by `METHOD path` exactly as the spec writes it. */
export type DomainSamples = (env: () => SampleEnv) => Record<string, Sample>;
