import { builder } from '../builder.js';
import { changeEventType, changesOf, resolveChange, streamArgs } from '../shared/subscriptions.js';
import { traced } from '../shared/ghl-operation.js';
import { businessSource } from '../../subscriptions/sources.js';
import { Business } from './types.js';

const BusinessChangeEvent = changeEventType('Business', Business, 'business');

builder.subscriptionField('businessesChanged', (t) =>
  t.field({
    ...traced('Businesses of the location as they are created, updated or deleted (GHL sends no business webhooks: polling only).', 'GET /businesses/'),
    type: BusinessChangeEvent,
    args: streamArgs(t.arg),
    subscribe: (_root, args, ctx) => changesOf(ctx, businessSource, {}, args),
    resolve: resolveChange,
  }),
);
