/**
 * The schemas for what GHL's specs leave open now live beside the specs
 * (src/ghl/openapi/supplements.ts), because the gateway's client checks responses against them
 * too. Re-exported here for the simulator's modules.
 */
export * from '../ghl/openapi/supplements.js';
