// The associations domain: types, queries, mutations and the field it adds to Contact, one line each.
import './types.js';
import './queries.js';
import './mutations.js';
import './contact-relations.js';
