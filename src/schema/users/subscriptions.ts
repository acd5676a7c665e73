import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { changeEventType, changesOf, resolveChange, streamArgs } from '../shared/subscriptions.js';
import { userSource } from '../../subscriptions/sources.js';
import { User } from './types.js';

const UserChangeEvent = changeEventType('User', User, 'user');

builder.subscriptionField('usersChanged', (t) =>
  t.field({
    ...traced("The location's users as they are added, changed or removed.", 'GET /users/'),
    type: UserChangeEvent,
    args: streamArgs(t.arg),
    subscribe: (_root, args, ctx) => changesOf(ctx, userSource, {}, args),
    resolve: resolveChange,
  }),
);
