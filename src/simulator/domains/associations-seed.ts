import { associationsState } from './associations-state.js';
import type { DomainSeedContext } from './types.js';

const DAY = 86_400_000;

/**
 * Per location (ASSUMPTIONS.md AS7): one system association (contact ↔ business), a contact ↔
 * contact referral association with relations between seeded contacts, and a custom object ↔
 * contact association whose custom records exist only as ids (the simulator has no custom objects).
 */
export function seedAssociations(ctx: DomainSeedContext): void {
  const { store, random } = ctx;
  const state = associationsState(store);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const location of ctx.locations) {
    const at = (daysAgo: number) => iso(ctx.baseMs - daysAgo * DAY - random.int(DAY));
    state.addAssociation(
      { locationId: location.id, key: 'contact_business', firstObjectKey: 'contact', firstObjectLabel: 'Contact', secondObjectKey: 'business', secondObjectLabel: 'Business', associationType: 'SYSTEM_DEFINED' },
      at(720),
    );
    const referral = state.addAssociation(
      { locationId: location.id, key: 'referral', firstObjectKey: 'contact', firstObjectLabel: 'Referrer', secondObjectKey: 'contact', secondObjectLabel: 'Referred', associationType: 'USER_DEFINED' },
      at(300),
    );
    const property = state.addAssociation(
      { locationId: location.id, key: 'property_buyer', firstObjectKey: 'custom_objects.property', firstObjectLabel: 'Property', secondObjectKey: 'contact', secondObjectLabel: 'Interested Buyer', associationType: 'USER_DEFINED' },
      at(200),
    );

    const contacts = store.listContacts(location.id);
    if (contacts.length < 2) continue;
    const pairs = new Set<string>();
    const referrals = Math.min(8, Math.floor(contacts.length / 4));
    for (let i = 0; i < referrals * 3 && pairs.size < referrals; i++) {
      const [a, b] = random.sample(contacts, 2);
      if (!a || !b || pairs.has(`${a.id} ${b.id}`) || pairs.has(`${b.id} ${a.id}`)) continue;
      pairs.add(`${a.id} ${b.id}`);
      state.addRelation({ locationId: location.id, associationId: referral.id, firstRecordId: a.id, secondRecordId: b.id }, at(random.between(1, 290)));
    }
    const buyers = random.sample(contacts, Math.min(6, contacts.length));
    const properties = Array.from({ length: 3 }, () => random.objectId());
    for (const buyer of buyers) {
      state.addRelation({ locationId: location.id, associationId: property.id, firstRecordId: random.pick(properties), secondRecordId: buyer.id }, at(random.between(1, 190)));
    }
  }
}
