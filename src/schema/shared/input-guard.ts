import {
  defaultFieldResolver,
  getNullableType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { badUserInput } from './errors.js';
import { DOCUMENTED_MAX_LENGTH, idProblem, listProblem, TEXT_KIND_BY_NAME, type TextKind, textProblem } from './input-bounds.js';

/**
 * Checks every argument of every field against the bounds of input-bounds.ts before the field's
 * resolver (or subscription source) runs, so a bad value costs no upstream call. The checks follow
 * the schema's own types, so a field added later is covered without being listed anywhere:
 * - every `ID` is a safe path segment (idProblem), wherever it appears, since any id may end up in
 *   a URL; a `String` argument with the `pathSegment` extension is checked the same way;
 * - every `String` is bounded by its kind, looked up by name (free text when unknown);
 * - every list is bounded in length.
 *
 * A failure is `BAD_USER_INPUT` naming the argument path, e.g. `input.contactId`.
 */
export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  const checkers = new CheckerCache();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const check = checkers.forArguments(field.args);
      if (!check) continue;
      argumentChecks.set(field, check);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        check(args);
        return resolve(source, args, context, info);
      };
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, context, info) => {
          check(args);
          return subscribe(source, args, context, info);
        };
      }
    }
  }
  return schema;
}

/** The check of each guarded field, for code that runs a field's load ahead of its resolver (prefetch). */
const argumentChecks = new WeakMap<object, (args: Record<string, unknown>) => void>();

/** Throws BAD_USER_INPUT when `args` break the bounds of `field`'s arguments, as its resolver would. */
export function checkArguments(field: object, args: Record<string, unknown>): void {
  argumentChecks.get(field)?.(args);
}

/** Checks a value at `path`; answers nothing or throws BAD_USER_INPUT. */
type ValueChecker = (value: unknown, path: readonly string[]) => void;

class CheckerCache {
  private readonly inputObjects = new Map<string, ValueChecker | null>();

  /** A check over a field's arguments, or null when nothing in them is bounded. */
  forArguments(args: readonly GraphQLArgument[]): ((args: Record<string, unknown>) => void) | null {
    const checks = args.flatMap((arg) => {
      const check = this.forType(arg.type, arg.name, isPathSegment(arg) ? 'id' : null);
      return check ? [{ name: arg.name, check }] : [];
    });
    if (checks.length === 0) return null;
    return (values) => {
      for (const { name, check } of checks) {
        const value = values[name];
        if (value !== undefined && value !== null) check(value, [name]);
      }
    };
  }

  private forType(type: GraphQLInputType, name: string, leafRule: LeafRule | null): ValueChecker | null {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = this.forType(nullable.ofType as GraphQLInputType, name, leafRule);
      return (value, path) => {
        if (!Array.isArray(value)) return item?.(value, path); // a single value given for a list is coerced to one
        const problem = listProblem(value.length);
        if (problem) throw refusal(path, problem);
        if (item) value.forEach((v, i) => v !== null && v !== undefined && item(v, [...path, String(i)]));
      };
    }
    if (isInputObjectType(nullable)) return this.forInputObject(nullable.name, () => Object.values(nullable.getFields()));
    if (isScalarType(nullable)) return leafChecker(nullable.name, leafRule);
    return null;
  }

  private forInputObject(typeName: string, fields: () => GraphQLInputField[]): ValueChecker | null {
    if (this.inputObjects.has(typeName)) {
      // Built already, or being built (a recursive input type): look it up when the value comes.
      return (value, path) => this.inputObjects.get(typeName)?.(value, path);
    }
    this.inputObjects.set(typeName, null);
    const checks = fields().flatMap((field) => {
      const documented = DOCUMENTED_MAX_LENGTH[`${typeName}.${field.name}`];
      const rule: LeafRule | null = isPathSegment(field) ? 'id' : documented !== undefined ? { kind: 'text', maxLength: documented } : null;
      const check = this.forType(field.type, field.name, rule ?? byName(field.name));
      return check ? [{ name: field.name, check }] : [];
    });
    const checker: ValueChecker | null =
      checks.length === 0
        ? null
        : (value, path) => {
            if (!value || typeof value !== 'object') return;
            for (const { name, check } of checks) {
              const v = (value as Record<string, unknown>)[name];
              if (v !== undefined && v !== null) check(v, [...path, name]);
            }
          };
    this.inputObjects.set(typeName, checker);
    return checker;
  }
}

/** How a leaf `String` is bounded: as an id, or as text of a kind (with an override of its length). */
type TextRule = { kind: TextKind; maxLength?: number };
type LeafRule = 'id' | TextRule;

function byName(name: string): TextRule {
  return { kind: TEXT_KIND_BY_NAME[name] ?? 'text' };
}

function leafChecker(scalar: string, rule: LeafRule | null): ValueChecker | null {
  if (scalar === 'ID' || (scalar === 'String' && rule === 'id')) {
    return (value, path) => {
      const problem = idProblem(String(value));
      if (problem) throw refusal(path, problem);
    };
  }
  if (scalar !== 'String') return null; // Int, Float, Boolean, enums and DateTime check themselves
  const text = rule && rule !== 'id' ? rule : null;
  return (value, path) => {
    const bound = text ?? byName(path.findLast((p) => !/^\d+$/.test(p)) ?? '');
    const problem = textProblem(bound.kind, String(value), bound.maxLength);
    if (problem) throw refusal(path, problem);
  };
}

function isPathSegment(field: GraphQLArgument | GraphQLInputField): boolean {
  return field.extensions?.['pathSegment'] === true;
}

function refusal(path: readonly string[], problem: string) {
  const field = path.map((p) => (/^\d+$/.test(p) ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  return badUserInput(`${field} ${problem}.`, { field: [...path] });
}
