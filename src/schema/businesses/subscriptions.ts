import { builder } from '../builder.js';
import { changeEventType, changesOf, INTERVAL_ARG_DESCRIPTION, resolveChange } from '../shared/subscriptions.js';
import { traced } from '../shared/ghl-operation.js';
import { businessSource } from '../../subscriptions/sources.js';
import { Business } from './types.js';

const BusinessChangeEvent = changeEventType('Business', Business, 'business');

builder.subscriptionField('businessesChanged', (t) =>
  t.field({
    ...traced('Businesses of the location as they are created, updated or deleted (GHL sends no business webhooks: polling only).', 'GET /businesses/'),
    type: BusinessChangeEvent,
    args: { intervalSeconds: t.arg.int({ description: INTERVAL_ARG_DESCRIPTION }) },
    subscribe: (_root, args, ctx) => changesOf(ctx, businessSource, {}, args.intervalSeconds),
    resolve: resolveChange,
  }),
);
