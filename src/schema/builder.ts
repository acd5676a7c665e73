import SchemaBuilder from '@pothos/core';
import type { GraphQLContext } from '../context.js';

/**
 * The one schema builder. It defines no types: domains under src/schema/<domain>/ add them, and
 * src/schema/index.ts imports every domain and builds the schema.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Reads from GoHighLevel, for the location of the authenticated caller.' });
builder.mutationType({ description: 'Writes to GoHighLevel. Each takes one `input` and answers a payload with `userErrors`.' });
builder.subscriptionType({
  description:
    'Changes in GoHighLevel as they happen: webhooks deliver them at once, and one shared poller per tenant and topic reconciles what webhooks miss. Over graphql-ws (WebSocket) or SSE on `/graphql`.',
});

/** The schema types of this builder, for helpers that take refs generically. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
