import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import type { SimulatorStore } from '../../src/simulator/store.js';
import { call } from './helpers.js';

/** Everything a location holds, as plain data. */
function snapshot(sim: Simulator) {
  const store: SimulatorStore = sim.store;
  return sim.locations.map((l) => ({
    location: l,
    businesses: store.listBusinesses(l.id),
    calendars: store.listCalendars(l.id),
    contacts: store.listContacts(l.id).map((c) => ({ ...c, tasks: store.listTasks(c.id), notes: store.listNotes(c.id), appointments: store.listAppointments(c.id) })),
  }));
}

describe('determinism', () => {
  it('two simulators with the same options hold identical data and mint the same ids', async () => {
    const clockA = new ManualClock(Date.UTC(2026, 0, 1));
    const clockB = new ManualClock(Date.UTC(2026, 0, 1));
    const [x, y] = await Promise.all([startSimulator({ clock: clockA, seed: { contactsPerLocation: 50 } }), startSimulator({ clock: clockB, seed: { contactsPerLocation: 50 } })]);
    try {
      expect(snapshot(x)).toEqual(snapshot(y));
      expect(x.oauthApp).toEqual(y.oauthApp);
      const create = (sim: Simulator) => call(sim, 'POST', '/contacts/', { body: { locationId: sim.locations[0]!.id, firstName: 'Same' } });
      const [cx, cy] = await Promise.all([create(x), create(y)]);
      expect(cx.body).toEqual(cy.body);
    } finally {
      await Promise.all([x.stop(), y.stop()]);
    }
  });

  it('keeps location ids and tokens when only the contact count changes, and matches the seed invariants', async () => {
    const [small, big] = await Promise.all([startSimulator({ seed: { contactsPerLocation: 5 } }), startSimulator({ seed: { locations: 3 } })]);
    try {
      expect(big.locations.slice(0, 2)).toEqual(small.locations);
      expect(big.locations).toHaveLength(3);
      const ids = new Set<string>();
      for (const loc of big.locations) {
        expect(loc.id).toMatch(/^[A-Za-z0-9]{20}$/);
        expect(loc.token).toMatch(/^pit-[0-9a-f-]{36}$/);
        const contacts = big.store.listContacts(loc.id);
        expect(contacts).toHaveLength(300);
        for (const c of contacts) {
          expect(c.id).toMatch(/^[A-Za-z0-9]{20}$/);
          ids.add(c.id);
        }
        const withBusiness = contacts.filter((c) => c.businessId);
        expect(new Set(withBusiness.map((c) => c.businessId)).size).toBeLessThan(withBusiness.length / 3);
        for (const kind of ['listTasks', 'listNotes', 'listAppointments'] as const) {
          const counts = contacts.map((c) => big.store[kind](c.id).length);
          expect(counts.some((n) => n > 0), kind).toBe(true);
          expect(counts.some((n) => n === 0), kind).toBe(true);
        }
        expect(big.store.listCalendars(loc.id).length).toBeGreaterThan(0);
      }
      expect(ids.size).toBe(900);
    } finally {
      await Promise.all([small.stop(), big.stop()]);
    }
  });
});
