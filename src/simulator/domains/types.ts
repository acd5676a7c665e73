import type { Random } from '../random.js';
import type { RouteTable } from '../routes/types.js';
import type { SeededLocation } from '../seed.js';
import type { SimulatorStore } from '../store.js';

/** What a domain's seed function gets, after the core seed (locations, contacts, businesses) ran. */
export interface DomainSeedContext {
  store: SimulatorStore;
  locations: readonly SeededLocation[];
  /** A stream of this domain's own, so seeding one domain never shifts another's ids. */
  random: Random;
  /** "Now" of the seed data (see SEED_BASE_MS). */
  baseMs: number;
}

/**
 * A GHL domain the simulator serves: its handlers, keyed by `METHOD path` exactly as the spec
 * writes it, and an optional deterministic seed. Its in-memory state lives in the store through
 * `store.domainState(name, create)`, so a domain never needs to edit the core store class.
 * Registered by one line in index.ts.
 */
export interface SimulatorDomain {
  /** Names the domain in errors, and seeds its random stream: renaming it changes its seeded ids. */
  name: string;
  routes: RouteTable;
  seed?(ctx: DomainSeedContext): void;
}
