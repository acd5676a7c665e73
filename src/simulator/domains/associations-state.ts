import type { WireAssociation } from '../../ghl/openapi/wire.js';
import type { SimulatorStore } from '../store.js';

/**
 * What the simulator keeps for apps/associations.json: association definitions (which two object
 * kinds may be linked, with a label for each side) and relations (one link between two records
 * under an association). Kept per store through `store.domainState('associations', …)`.
 */

export type AssociationType = 'USER_DEFINED' | 'SYSTEM_DEFINED';

/** The wire's association (`WireAssociation`) with its type narrowed and its timestamps. */
export interface AssociationRecord extends WireAssociation {
  associationType: AssociationType;
  createdAt: string;
  updatedAt: string;
}

export interface RelationRecord {
  id: string;
  locationId: string;
  associationId: string;
  firstRecordId: string;
  secondRecordId: string;
  createdAt: string;
}

export class AssociationsState {
  readonly associations = new Map<string, AssociationRecord>();
  readonly relations = new Map<string, RelationRecord>();

  constructor(private readonly store: SimulatorStore) {}

  /**
   * System associations first, then by creation time; ties keep creation order (the map's
   * insertion order, through a stable sort). A total order, so skip/limit pages are stable.
   */
  listAssociations(locationId: string): AssociationRecord[] {
    return [...this.associations.values()]
      .filter((a) => a.locationId === locationId)
      .sort((a, b) => rank(a) - rank(b) || cmp(a.createdAt, b.createdAt));
  }

  byKey(locationId: string, key: string): AssociationRecord | undefined {
    return this.listAssociations(locationId).find((a) => a.key === key);
  }

  addAssociation(fields: Omit<AssociationRecord, 'id' | 'createdAt' | 'updatedAt'>, at = this.store.nowIso()): AssociationRecord {
    const record: AssociationRecord = { id: this.store.newObjectId(), ...fields, createdAt: at, updatedAt: at };
    this.associations.set(record.id, record);
    return record;
  }

  updateLabels(id: string, labels: Pick<AssociationRecord, 'firstObjectLabel' | 'secondObjectLabel'>): AssociationRecord {
    const record = this.associations.get(id);
    if (!record) throw new Error(`No association ${id}`);
    Object.assign(record, labels, { updatedAt: this.store.nowIso() });
    return record;
  }

  /** Deletes the association and every relation made under it (the spec's description of the delete). */
  deleteAssociation(id: string): void {
    this.associations.delete(id);
    for (const r of [...this.relations.values()]) if (r.associationId === id) this.relations.delete(r.id);
  }

  addRelation(fields: Omit<RelationRecord, 'id' | 'createdAt'>, at = this.store.nowIso()): RelationRecord {
    const record: RelationRecord = { id: this.store.newObjectId(), ...fields, createdAt: at };
    this.relations.set(record.id, record);
    return record;
  }

  /**
   * A record's relations, oldest first (ties in creation order, as above). Relations whose contact is gone are dropped on the way:
   * deleting a contact removes its relations (ASSUMPTIONS.md AS6), without the core store having
   * to know about this domain.
   */
  relationsOf(locationId: string, recordId: string): RelationRecord[] {
    this.pruneDeletedContacts(locationId);
    return [...this.relations.values()]
      .filter((r) => r.locationId === locationId && (r.firstRecordId === recordId || r.secondRecordId === recordId))
      .sort((a, b) => cmp(a.createdAt, b.createdAt));
  }

  /** The same pair under the same association, in either order, counts as a duplicate. */
  findDuplicate(associationId: string, firstRecordId: string, secondRecordId: string): RelationRecord | undefined {
    return [...this.relations.values()].find(
      (r) =>
        r.associationId === associationId &&
        ((r.firstRecordId === firstRecordId && r.secondRecordId === secondRecordId) || (r.firstRecordId === secondRecordId && r.secondRecordId === firstRecordId)),
    );
  }

  private pruneDeletedContacts(locationId: string): void {
    for (const r of [...this.relations.values()]) {
      if (r.locationId !== locationId) continue;
      const association = this.associations.get(r.associationId);
      if (!association) continue;
      const gone = (objectKey: string, id: string) => objectKey === 'contact' && !this.store.getContact(id);
      if (gone(association.firstObjectKey, r.firstRecordId) || gone(association.secondObjectKey, r.secondRecordId)) this.relations.delete(r.id);
    }
  }
}

const rank = (a: AssociationRecord): number => (a.associationType === 'SYSTEM_DEFINED' ? 0 : 1);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const associationsState = (store: SimulatorStore): AssociationsState => store.domainState('associations', () => new AssociationsState(store));

/** `GetPostSuccessfulResponseDto`: the association as the spec draws it. */
export function associationDto(a: AssociationRecord): Record<string, unknown> {
  return {
    locationId: a.locationId,
    id: a.id,
    key: a.key,
    firstObjectLabel: a.firstObjectLabel,
    firstObjectKey: a.firstObjectKey,
    secondObjectLabel: a.secondObjectLabel,
    secondObjectKey: a.secondObjectKey,
    associationType: a.associationType,
  };
}

/**
 * A relation. The spec answers every relation operation with the association schema, so the
 * relation carries its association's fields (key, object keys, labels, type) beside its own
 * (`associationId`, `firstRecordId`, `secondRecordId`), as the RelationCreate webhook does for the
 * object keys (ASSUMPTIONS.md AS2).
 */
export function relationDto(r: RelationRecord, a: AssociationRecord): Record<string, unknown> {
  return {
    ...associationDto(a),
    id: r.id,
    locationId: r.locationId,
    associationId: r.associationId,
    firstRecordId: r.firstRecordId,
    secondRecordId: r.secondRecordId,
  };
}
