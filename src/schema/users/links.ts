import type { GraphQLContext } from '../../context.js';
import type { GhlUser } from '../../ghl/endpoints/users.js';
import { GhlForbiddenError, GhlNotFoundError } from '../../ghl/errors.js';
import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { Contact } from '../contacts/types.js';
import { Location } from '../locations/types.js';
import { Note } from '../notes/types.js';
import { Task } from '../tasks/types.js';
import { User } from './types.js';

/**
 * Links from other domains' records to users, through the `user` loader: one `GET /users/{id}` per
 * distinct user per request (and none within the TTL), however many records point at them.
 */

/** A reference to a user GHL no longer has (deleted since) reads as null, not as an error. */
async function userOrNull(ctx: GraphQLContext, id: string | undefined): Promise<GhlUser | null> {
  if (!id) return null;
  try {
    return await ctx.loaders.user.load(id);
  } catch (err) {
    if (err instanceof GhlNotFoundError) return null;
    throw err;
  }
}

builder.objectField(Contact, 'assignedUser', (t) =>
  t.field({
    type: User,
    nullable: true,
    ...traced('The user who owns the contact.', 'GET /users/{userId}'),
    resolve: (c, _args, ctx) => userOrNull(ctx, c.assignedTo),
  }),
);

builder.objectField(Task, 'assignedUser', (t) =>
  t.field({
    type: User,
    nullable: true,
    ...traced('The user the task is assigned to.', 'GET /users/{userId}'),
    resolve: (task, _args, ctx) => userOrNull(ctx, task.assignedTo),
  }),
);

builder.objectField(Note, 'user', (t) =>
  t.field({
    type: User,
    nullable: true,
    ...traced('The user who wrote the note.', 'GET /users/{userId}'),
    resolve: (n, _args, ctx) => userOrNull(ctx, n.userId),
  }),
);

builder.objectField(User, 'locations', (t) =>
  t.field({
    nullable: true,
    type: [Location],
    ...traced("The user's locations that the caller may read (others are left out). Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.", 'GET /locations/{locationId}'),
    resolve: async (u, _args, ctx) => {
      const loaded = await ctx.loaders.location.loadMany(u.roles?.locationIds ?? []);
      // Locations the caller may not read (403) or that are gone (404) are left out; other failures surface.
      const failed = loaded.find((l): l is Error => l instanceof Error && !(l instanceof GhlForbiddenError) && !(l instanceof GhlNotFoundError));
      if (failed) throw failed;
      return loaded.filter((l): l is Exclude<typeof l, Error> => !(l instanceof Error));
    },
  }),
);
