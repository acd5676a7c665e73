import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import { byName, ok, created, ownGroup, param, refuse, stateOf } from './calendars-access.js';
import { groupDto } from './calendars-present.js';

/** Calendar groups (apps/calendars.json, `GroupDTO`). Slugs are unique per location (K7). */

const sameSlug = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function assertSlugFree(ctx: RequestContext, slug: string, exceptId?: string): void {
  const taken = stateOf(ctx)
    .groupsOf(locationOf(ctx))
    .some((g) => g.id !== exceptId && sameSlug(g.slug, slug));
  if (taken) throw refuse(`slug ${slug} already exists in this location`);
}

function nonBlank(value: string, name: string): string {
  if (!value.trim()) throw refuse(`${name} should not be empty`);
  return value.trim();
}

export const groupRoutes: RouteTable = {
  'GET /calendars/groups': (ctx) => ok({ groups: stateOf(ctx).groupsOf(locationOf(ctx)).sort(byName).map(groupDto) }),

  'POST /calendars/groups': (ctx) => {
    const input = ctx.body as { name: string; description: string; slug: string; isActive?: boolean };
    const slug = nonBlank(input.slug, 'slug');
    assertSlugFree(ctx, slug);
    const group = {
      id: ctx.store.newId(),
      locationId: locationOf(ctx),
      name: nonBlank(input.name, 'name'),
      description: input.description,
      slug,
      isActive: input.isActive ?? true,
      dateAdded: ctx.store.nowIso(),
    };
    stateOf(ctx).groups.set(group.id, group);
    return created({ group: groupDto(group) });
  },

  'POST /calendars/groups/validate-slug': (ctx) => {
    const { slug } = ctx.body as { slug: string };
    const available = slug.trim() !== '' && !stateOf(ctx).groupsOf(locationOf(ctx)).some((g) => sameSlug(g.slug, slug));
    return ok({ available });
  },

  'PUT /calendars/groups/{groupId}': (ctx) => {
    const group = ownGroup(ctx, param(ctx, 'groupId'));
    const input = ctx.body as { name: string; description: string; slug: string };
    const slug = nonBlank(input.slug, 'slug');
    assertSlugFree(ctx, slug, group.id);
    Object.assign(group, { name: nonBlank(input.name, 'name'), description: input.description, slug });
    return ok({ group: groupDto(group) });
  },

  'PUT /calendars/groups/{groupId}/status': (ctx) => {
    const group = ownGroup(ctx, param(ctx, 'groupId'));
    group.isActive = (ctx.body as { isActive: boolean }).isActive;
    return ok({ success: true });
  },

  /** The group's calendars stay, without a group (K7). */
  'DELETE /calendars/groups/{groupId}': (ctx) => {
    const group = ownGroup(ctx, param(ctx, 'groupId'));
    stateOf(ctx).groups.delete(group.id);
    for (const c of ctx.store.listCalendars(group.locationId)) if (c.groupId === group.id) ctx.store.updateCalendar(c.id, { groupId: undefined });
    return ok({ success: true });
  },
};
