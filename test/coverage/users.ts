import { expectNoErrors } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

/** Catalog coverage for users: each case reaches its GHL operations through GraphQL. */

type Errors = { userErrors: unknown[] };
const noUserErrors = <T extends Errors>(p: T): T => {
  if (p.userErrors.length) throw new Error(`user errors: ${JSON.stringify(p.userErrors)}`);
  return p;
};

export const cases: CoverageCase[] = [
  {
    name: 'users: search, read, the deprecated list, and find by email (agency)',
    operations: ['GET /users/search', 'GET /users/{userId}', 'GET /users/', 'POST /users/search/filter-by-email'],
    async run(stack) {
      const { users } = expectNoErrors(await stack.execute<{ users: { nodes: { id: string; email: string }[] } }>(`{ users(first: 2) { nodes { id email } } }`));
      const first = users.nodes[0];
      if (!first) throw new Error('no users');
      // A fresh user id is not in any cache, so this read reaches GHL.
      const read = await stack.execute<{ user: { id: string } }>(`query($id: ID!) { user(id: $id) { id } }`, { id: first.id });
      expectNoErrors(read);
      expectNoErrors(await stack.execute(`{ locationUsers { nodes { id } } }`));
      expectNoErrors(await stack.execute(`query($e: [String!]!) { usersByEmail(emails: $e) { nodes { id } } }`, { e: [first.email] }));
    },
  },
  {
    name: 'users: create, update, delete',
    operations: ['POST /users/', 'PUT /users/{userId}', 'DELETE /users/{userId}'],
    async run(stack) {
      const created = noUserErrors(
        expectNoErrors(
          await stack.execute<{ userCreate: Errors & { user: { id: string } } }>(
            `mutation($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { code field message } } }`,
            { input: { firstName: 'Coverage', lastName: 'User', email: 'coverage.user@example.com', password: 'coverage-password' } },
          ),
        ).userCreate,
      );
      const id = created.user.id;
      noUserErrors(
        expectNoErrors(await stack.execute<{ userUpdate: Errors }>(`mutation($input: UserUpdateInput!) { userUpdate(input: $input) { user { id } userErrors { code field message } } }`, { input: { id, role: 'ADMIN' } }))
          .userUpdate,
      );
      noUserErrors(expectNoErrors(await stack.execute<{ userDelete: Errors }>(`mutation($input: UserDeleteInput!) { userDelete(input: $input) { deletedUserId userErrors { code field message } } }`, { input: { id } })).userDelete);
    },
  },
];
