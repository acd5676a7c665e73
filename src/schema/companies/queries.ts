import { builder } from '../builder.js';
import { traced } from '../shared/ghl-operation.js';
import { agencyCompanyId, requireAgency } from './agency.js';
import { Company } from './types.js';

builder.queryFields((t) => ({
  company: t.field({
    ...traced("The caller's agency. Needs an agency installation; FORBIDDEN without one.", 'GET /companies/{companyId}'),
    type: Company,
    nullable: true,
    resolve: (_root, _args, ctx) => {
      requireAgency(ctx);
      return ctx.loaders.company.load(agencyCompanyId(ctx));
    },
  }),
}));
