import { builder } from '../builder.js';

/**
 * An enum with a description on every value, written as `NAME: [value, description]`: GraphQL
 * names are upper snake case while GHL's values are not (`IN_APP` is `inApp`, `EQUIPMENT` is
 * `equipments`), so both are spelt out. The value types stay literal for resolvers.
 */
export function describedEnum<const V extends Record<string, readonly [string, string]>>(name: string, description: string, values: V) {
  const config = Object.fromEntries(Object.entries(values).map(([key, [value, about]]) => [key, { value, description: about }]));
  return builder.enumType(name, { description, values: config as { [K in keyof V]: { value: V[K][0]; description: string } } });
}
