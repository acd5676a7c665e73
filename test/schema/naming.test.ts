import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function publicTypes(s: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(s.getTypeMap()).filter((t) => !t.name.startsWith('__') && !BUILT_IN.has(t.name));
}

/** Every slip the naming rules forbid, as readable lines; an empty list means the schema is clean. */
export function namingViolations(s: GraphQLSchema): string[] {
  const problems: string[] = [];
  const camel = /^[a-z][a-zA-Z0-9]*$/;
  const pascal = /^[A-Z][a-zA-Z0-9]*$/;
  for (const type of publicTypes(s)) {
    if (!pascal.test(type.name)) problems.push(`type ${type.name}: not PascalCase`);
    if (!type.description?.trim()) problems.push(`type ${type.name}: no description`);
    if (isInputObjectType(type) && !type.name.endsWith('Input')) problems.push(`input ${type.name}: name must end with Input`);
    if (!isInputObjectType(type) && type.name.endsWith('Input')) problems.push(`type ${type.name}: only inputs end with Input`);
    if (isEnumType(type)) {
      for (const v of type.getValues()) {
        if (!/^[A-Z][A-Z0-9_]*$/.test(v.name)) problems.push(`enum ${type.name}.${v.name}: not SCREAMING_SNAKE`);
        if (!v.description?.trim()) problems.push(`enum ${type.name}.${v.name}: no description`);
      }
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const where = `${type.name}.${field.name}`;
        if (!camel.test(field.name)) problems.push(`${where}: not camelCase (no snake_case)`);
        if (!field.description?.trim()) problems.push(`${where}: no description`);
        if ('args' in field) {
          for (const arg of field.args) {
            if (!camel.test(arg.name)) problems.push(`${where}(${arg.name}): argument not camelCase`);
            if (!arg.description?.trim()) problems.push(`${where}(${arg.name}): argument has no description`);
          }
        }
      }
    }
    if (isScalarType(type) || isUnionType(type)) continue;
  }
  const mutation = s.getMutationType();
  if (mutation) {
    for (const field of Object.values(mutation.getFields())) {
      const result = field.type.toString().replace(/!$/, '');
      if (!result.endsWith('Payload')) problems.push(`Mutation.${field.name}: returns ${result}, not a …Payload`);
      const payload = s.getType(result);
      if (isObjectType(payload) && payload.getFields()['userErrors']?.type.toString() !== '[UserError!]!') {
        problems.push(`${result}: a payload needs \`userErrors: [UserError!]!\``);
      }
      const [only, ...more] = field.args;
      if (!only || only.name !== 'input' || more.length > 0) problems.push(`Mutation.${field.name}: must take exactly one argument, \`input\``);
      else if (!only.type.toString().endsWith('Input!')) problems.push(`Mutation.${field.name}: input must be a non-null …Input`);
    }
  }
  return problems;
}

describe('schema naming rules', () => {
  it('has no naming slips: Input suffix on inputs, camelCase fields, descriptions everywhere', () => {
    expect(namingViolations(schema)).toEqual([]);
  });

  it('catches the slips it is meant to catch', async () => {
    const { buildSchema } = await import('graphql');
    const bad = buildSchema(`
      """Q""" type Query { """ok""" contact_name: String, undocumented: Int }
      input ContactFilter { """f""" first_name: String }
      """M""" type Mutation { """m""" contactCreate(id: ID, name: String): ContactCreateResult }
      """R""" type ContactCreateResult { """ok""" ok: Boolean }
    `);
    const problems = namingViolations(bad);
    expect(problems).toContain('Query.contact_name: not camelCase (no snake_case)');
    expect(problems).toContain('Query.undocumented: no description');
    expect(problems).toContain('input ContactFilter: name must end with Input');
    expect(problems).toContain('type ContactFilter: no description');
    expect(problems).toContain('Mutation.contactCreate: returns ContactCreateResult, not a …Payload');
    expect(problems).toContain('Mutation.contactCreate: must take exactly one argument, `input`');
  });
});
