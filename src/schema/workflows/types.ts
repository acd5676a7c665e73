import type { GhlWorkflow } from '../../ghl/endpoints/workflows.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { connectionType } from '../shared/pagination.js';

/** The statuses GHL shows for workflows (the spec types `status` as a string; its example is `draft`). */
const STATUSES = ['draft', 'published'] as const;

export const WorkflowStatus = describedEnum('WorkflowStatus', 'Whether a workflow runs.', {
  DRAFT: ['draft', 'Being built; contacts added to it do not move through it yet.'],
  PUBLISHED: ['published', 'Live: contacts added to it run through its steps.'],
});

export const Workflow = builder.objectRef<GhlWorkflow>('Workflow').implement({
  description: 'An automation built in GHL that contacts can be added to.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "GHL's workflow id." }),
    name: t.string({ nullable: true, description: 'Name shown in GHL.', resolve: (w) => w.name ?? null }),
    status: t.field({
      type: WorkflowStatus,
      nullable: true,
      description: 'Whether it runs; null when GHL reports a status this gateway does not know.',
      resolve: (w) => STATUSES.find((s) => s === w.status?.toLowerCase()) ?? null,
    }),
    version: t.int({ nullable: true, description: 'Published version number.', resolve: (w) => (typeof w.version === 'number' ? Math.trunc(w.version) : null) }),
    locationId: t.id({ nullable: true, description: 'Id of the GHL location (sub-account) that owns it.', resolve: (w) => w.locationId ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created.', resolve: (w) => w.createdAt ?? null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it last changed.', resolve: (w) => w.updatedAt ?? null }),
  }),
});

export const WorkflowConnection = connectionType(Workflow, 'Workflow', 'workflow');
