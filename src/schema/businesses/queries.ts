import { builder } from '../builder.js';
import { Business } from './types.js';

builder.queryField('business', (t) =>
  t.field({
    type: Business,
    nullable: true,
    description: 'One business by its GHL id. GHL: `get-business` (GET /businesses/{businessId}).',
    args: { id: t.arg.id({ required: true, description: "GHL's business id." }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.business.load(id),
  }),
);
