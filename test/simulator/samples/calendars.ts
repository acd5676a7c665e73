import type { DomainSamples } from './types.js';

/** Success samples for the calendars operations the simulator serves. */
export const calendarsSamples: DomainSamples = (_env) => ({});
