import { unprocessable } from '../errors.js';
import { locationOf, type RequestContext } from '../routes/types.js';
import { ownContact } from './contacts-access.js';
import type { SimulatorDomain } from './types.js';
import { ownWorkflow, workflowsState, type WorkflowRecord } from './workflows-state.js';

/**
 * apps/workflows.json: `GET /workflows/` answers `{workflows[]}`, unpaged. Enrolling a contact
 * (`/contacts/{contactId}/workflow/{workflowId}`) is a contacts route; it checks ids here.
 */

const NAMES = ['New lead nurture', 'Appointment reminder', 'Birthday greeting', 'Re-engagement', 'Review request'];
const DAY = 86_400_000;

/** `WorkflowSchema`: every field the record has. */
const workflowDto = (w: WorkflowRecord) => ({ id: w.id, name: w.name, status: w.status, version: w.version, createdAt: w.createdAt, updatedAt: w.updatedAt, locationId: w.locationId });

/** `CreateWorkflowDto.eventStartTime`, sent on enrol and on removal alike: it must be a date when given. */
function checkEventStartTime(ctx: RequestContext): void {
  const value = (ctx.body as { eventStartTime?: string } | undefined)?.eventStartTime;
  if (value !== undefined && Number.isNaN(Date.parse(value))) throw unprocessable(['eventStartTime must be a valid ISO 8601 date string']);
}

/** The contact and workflow of an enrolment route, both of the token's location. */
function enrolment(ctx: RequestContext) {
  const contact = ownContact(ctx, ctx.params['contactId'] as string);
  const workflow = ownWorkflow(ctx, ctx.params['workflowId'] as string);
  checkEventStartTime(ctx);
  return { contact, workflow };
}

export const workflowsDomain: SimulatorDomain = {
  name: 'workflows',
  routes: {
    'GET /workflows/': (ctx) => ({ status: 200, body: { workflows: workflowsState(ctx.store).list(locationOf(ctx)).map(workflowDto) } }),

    'POST /contacts/{contactId}/workflow/{workflowId}': (ctx) => {
      const { contact, workflow } = enrolment(ctx);
      ctx.store.updateContact(contact.id, { workflows: [...new Set([...contact.workflows, workflow.id])] });
      return { status: 200, body: { succeded: true } };
    },

    /** Removing a contact that is not enrolled succeeds too: the end state is what was asked. */
    'DELETE /contacts/{contactId}/workflow/{workflowId}': (ctx) => {
      const { contact, workflow } = enrolment(ctx);
      ctx.store.updateContact(contact.id, { workflows: contact.workflows.filter((w) => w !== workflow.id) });
      return { status: 200, body: { succeded: true } };
    },
  },
  seed({ store, locations, random, baseMs }) {
    const state = workflowsState(store);
    for (const location of locations) {
      for (const name of NAMES) {
        const created = baseMs - random.between(30, 600) * DAY;
        state.insert({
          id: random.uuid(),
          locationId: location.id,
          name,
          // Most are live; a draft or two shows the status is real data.
          status: random.chance(0.75) ? 'published' : 'draft',
          version: random.between(1, 6),
          createdAt: new Date(created).toISOString(),
          updatedAt: new Date(created + random.int(25) * DAY).toISOString(),
        });
      }
    }
  },
};
