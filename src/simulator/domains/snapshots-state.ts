import type { SimulatorStore } from '../store.js';

/** `SnapshotsSchema` of apps/snapshots.json: an agency's account template, its own or imported. */
export interface SnapshotRecord {
  id: string;
  companyId: string;
  name: string;
  type: 'own' | 'imported';
}

export class SnapshotsState {
  private readonly byId = new Map<string, SnapshotRecord>();

  insert(snapshot: SnapshotRecord): SnapshotRecord {
    if (this.byId.has(snapshot.id)) throw new Error(`Duplicate snapshot id ${snapshot.id}`);
    this.byId.set(snapshot.id, snapshot);
    return snapshot;
  }

  get(id: string): SnapshotRecord | undefined {
    return this.byId.get(id);
  }

  /** A company's snapshots by name, then id. */
  ofCompany(companyId: string): SnapshotRecord[] {
    return [...this.byId.values()].filter((s) => s.companyId === companyId).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}

export const snapshotsState = (store: SimulatorStore): SnapshotsState => store.domainState('snapshots', () => new SnapshotsState());
