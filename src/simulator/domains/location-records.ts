/**
 * The records of small domains that belong to one location each and are listed by name
 * (campaigns, workflows, location tags, custom values): one store for all of them.
 */
export class LocationRecords<T extends { id: string; locationId: string; name: string }> {
  private readonly byId = new Map<string, T>();

  /** `kind` names the records in the error a seed with a repeated id gets. */
  constructor(private readonly kind: string) {}

  /** Adds a record that must be new (seeding: a repeated id is a bug in the seed). */
  insert(record: T): T {
    if (this.byId.has(record.id)) throw new Error(`Duplicate ${this.kind} id ${record.id}`);
    return this.put(record);
  }

  /** Adds or replaces a record. */
  put(record: T): T {
    this.byId.set(record.id, record);
    return record;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** A location's records by name, then id: a stable order for lists GHL does not page. */
  list(locationId: string): T[] {
    return [...this.byId.values()].filter((r) => r.locationId === locationId).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}
