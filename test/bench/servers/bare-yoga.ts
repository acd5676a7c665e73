/**
 * The overhead baseline: a bare graphql-yoga server answering the nested contact query from memory,
 * with the same shape and data as the gateway. Run as its own process; prints `{"url": …}`.
 * The data comes as JSON on stdin-free argv: the path of a file holding the gateway's answer.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const answer = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { contact: Record<string, unknown> };
const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Task { id: ID! title: String dueDate: String completed: Boolean }
      type Note { id: ID! body: String dateAdded: String }
      type Appointment { id: ID! title: String startTime: String }
      type Business { id: ID! name: String }
      type Contact { id: ID! name: String email: String tags: [String!]! business: Business tasks: [Task!] notes: [Note!] appointments: [Appointment!] }
      type Query { contact(id: ID!): Contact }
    `,
    resolvers: { Query: { contact: () => answer.contact } },
  }),
  logging: false,
  // Configured like the gateway: it answers CORS for any origin (its browser guard, with
  // CORS_ORIGINS defaulting to `*` against the simulator), so the baseline runs a CORS policy
  // admitting any origin too. (GraphiQL only answers browser GETs, which the bench never sends.)
  cors: { origin: '*' },
  graphiql: false,
  landingPage: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
