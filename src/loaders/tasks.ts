import type { GhlTask } from '../ghl/endpoints/contacts.js';
import { getContactTasks } from '../ghl/endpoints/contacts.js';
import { getTask } from '../ghl/endpoints/tasks.js';
import { splitChildKey } from './contacts.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/** How long a contact's tasks may be served from the cross-request cache. */
export const TTL_MS = { contactTasks: 30_000, contactTask: 30_000 };

/** GHL files tasks under their contact (apps/contacts.json), so every read goes through one. */
export function createTaskLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  return {
    /** A contact's tasks, keyed by contact id. */
    contactTasks: kit.byId<GhlTask[]>('contactTasks', TTL_MS.contactTasks, (contactId) => getContactTasks(deps.ghl, contactId)),
    /** Keyed by `childKey(contactId, taskId)`. */
    contactTask: kit.byId<GhlTask>('contactTask', TTL_MS.contactTask, (key) => getTask(deps.ghl, ...splitChildKey(key))),
  };
}
