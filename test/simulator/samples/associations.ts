import { associationsState } from '../../../src/simulator/domains/associations-state.js';
import { call } from '../helpers.js';
import type { DomainSamples, SampleEnv } from './types.js';

/** Success samples for the associations operations the simulator serves. */
export const associationsSamples: DomainSamples = (env) => {
  let made = 0;
  const state = () => associationsState(env().sim.store);
  const referral = ({ loc }: SampleEnv) => state().byKey(loc.id, 'referral')!;
  const newAssociation = async () => {
    const { sim, loc } = env();
    const res = await call(sim, 'POST', '/associations/', {
      body: { locationId: loc.id, key: `sample_${++made}`, firstObjectKey: 'contact', firstObjectLabel: 'Mentor', secondObjectKey: 'custom_objects.course', secondObjectLabel: 'Course' },
    });
    return res.body.id as string;
  };
  const related = ({ sim, loc }: SampleEnv) => state().relationsOf(loc.id, sim.store.listContacts(loc.id).find((c) => state().relationsOf(loc.id, c.id).length > 0)!.id)[0]!;

  return {
    'GET /associations/': () => call(env().sim, 'GET', '/associations/', { query: { locationId: env().loc.id, skip: 0, limit: 10 } }),
    'GET /associations/{associationId}': () => call(env().sim, 'GET', `/associations/${referral(env()).id}`),
    'GET /associations/key/{key_name}': () => call(env().sim, 'GET', '/associations/key/referral', { query: { locationId: env().loc.id } }),
    'GET /associations/objectKey/{objectKey}': () => call(env().sim, 'GET', '/associations/objectKey/contact', { query: { locationId: env().loc.id } }),
    'POST /associations/': () =>
      call(env().sim, 'POST', '/associations/', {
        body: { locationId: env().loc.id, key: 'student_teacher', firstObjectKey: 'custom_objects.children', firstObjectLabel: 'Student', secondObjectKey: 'contact', secondObjectLabel: 'Teacher' },
      }),
    'PUT /associations/{associationId}': async () => call(env().sim, 'PUT', `/associations/${await newAssociation()}`, { body: { firstObjectLabel: 'Tutor', secondObjectLabel: 'Class' } }),
    'DELETE /associations/{associationId}': async () => call(env().sim, 'DELETE', `/associations/${await newAssociation()}`),
    'POST /associations/relations': () => {
      const { sim, loc } = env();
      const [a, b] = sim.store.listContacts(loc.id).slice(-2);
      return call(sim, 'POST', '/associations/relations', { body: { locationId: loc.id, associationId: referral(env()).id, firstRecordId: a!.id, secondRecordId: b!.id } });
    },
    'GET /associations/relations/{recordId}': () => {
      const r = related(env());
      return call(env().sim, 'GET', `/associations/relations/${r.secondRecordId}`, { query: { locationId: env().loc.id, skip: 0, limit: 5 } });
    },
    'DELETE /associations/relations/{relationId}': () => call(env().sim, 'DELETE', `/associations/relations/${related(env()).id}`, { query: { locationId: env().loc.id } }),
  };
};
