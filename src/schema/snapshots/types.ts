import type { GhlSnapshot } from '../../ghl/endpoints/snapshots.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';

export const SnapshotType = describedEnum('SnapshotType', 'Where a snapshot comes from.', {
  OWN: ['own', 'Made by the agency from one of its locations.'],
  IMPORTED: ['imported', 'Imported from another agency through a share link.'],
});

export const Snapshot = builder.objectRef<GhlSnapshot>('Snapshot').implement({
  description: "A snapshot: a template of a location's setup (funnels, workflows, fields…) that the agency can load into locations.",
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's snapshot id (what `locationCreate` takes as `snapshotId`)." }),
    name: t.string({ nullable: true, description: 'Name of the snapshot.', resolve: (s) => s.name || null }),
    type: t.field({
      type: SnapshotType,
      nullable: true,
      description: 'Own or imported; null for an origin this gateway does not know.',
      resolve: (s) => (s.type === 'own' || s.type === 'imported' ? s.type : null),
    }),
  }),
});

export const SnapshotConnection = connectionType(Snapshot, 'Snapshot', 'snapshot');
