import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './shared/scalars.js';
import './shared/pagination.js';
import './tasks/index.js';
import './notes/index.js';
import './appointments/index.js';
import './businesses/index.js';
import './contacts/index.js';

/** The gateway's schema, sorted so the printed SDL is stable and reviewable. */
export const schema = lexicographicSortSchema(builder.toSchema());
