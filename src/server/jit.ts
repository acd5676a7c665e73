import {
  getOperationAST,
  getVariableValues,
  type GraphQLError,
  Kind,
  locatedError,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

export interface QueryJitOptions {
  /** A document is compiled on this execution of it (the first ones run on the standard executor). */
  hotAfter: number;
  /** Documents remembered (counted or compiled) at once; the least recently used is forgotten. */
  maxDocuments: number;
}

export interface QueryJit {
  plugin: Plugin;
  /** Documents remembered now; operations compiled, and refused by the compiler, since start. */
  stats(): { documents: number; compilations: number; refusals: number };
}

/** What is known of one parsed document: how often it ran, and its compiled operations. */
interface DocumentEntry {
  executions: number;
  compiled: Map<string, CompiledQuery | null>;
}

/**
 * Runs hot queries through graphql-jit, which compiles a document into one function that walks
 * its selection set directly. On the cached nested contact query this takes about a third off the
 * gateway's CPU time per request (figures in the README's benchmark section).
 *
 * What the standard executor still runs, on purpose:
 * - mutations and subscriptions (writes are never hot enough to matter, and subscription events
 *   go through graphql-ws and SSE, which expect the standard executor's streams);
 * - a document's first `hotAfter - 1` executions: compiling costs a few milliseconds and code
 *   space, so a client sending a new document each time gains nothing from it and costs us more;
 * - a document graphql-jit refuses to compile.
 *
 * A bad variable gets graphql-js's own error (and then `BAD_USER_INPUT`, src/schema/shared/errors.ts)
 * whichever executor runs the query, and every error its path, locations and original error. Documents
 * are remembered by object: Yoga's parser cache hands the same object for the same query text.
 * test/integration/jit.test.ts holds the two executors to the same answers.
 */
export function createQueryJit(options: QueryJitOptions): QueryJit {
  const documents = new LRUCache<DocumentNode, DocumentEntry>({ max: options.maxDocuments });
  let compilations = 0;
  let refusals = 0;

  const compiledFor = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null => {
    let entry = documents.get(document);
    if (!entry) {
      entry = { executions: 0, compiled: new Map() };
      documents.set(document, entry);
    }
    entry.executions++;
    if (entry.executions < options.hotAfter) return null;
    const key = operationName ?? '';
    let compiled = entry.compiled.get(key);
    if (compiled === undefined) {
      const outcome = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true, useExperimentalPathBasedSkipInclude: true });
      compiled = isCompiledQuery(outcome) ? outcome : null;
      if (compiled) compilations++;
      else refusals++;
      entry.compiled.set(key, compiled);
    }
    return compiled;
  };

  return {
    plugin: {
      onExecute({ args, setExecuteFn }) {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation?.operation !== 'query') return;
        const compiled = compiledFor(args.schema, args.document, args.operationName);
        if (compiled) setExecuteFn((executionArgs) => runCompiled(compiled, operation, executionArgs));
      },
    },
    stats: () => ({ documents: documents.size, compilations, refusals }),
  };
}

function runCompiled(compiled: CompiledQuery, operation: OperationDefinitionNode, args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> {
  const variables = (args.variableValues ?? {}) as Record<string, unknown>;
  const result = compiled.query(args.rootValue, args.contextValue, variables);
  return result instanceof Promise ? result.then((r) => located(r, operation, args)) : located(result, operation, args);
}

function located(result: ExecutionResult, operation: OperationDefinitionNode, args: ExecutionArgs): ExecutionResult {
  const errors = result.errors;
  if (!errors?.length) return result;
  // Variables that do not coerce: graphql-jit refuses them before running anything, as graphql-js
  // does, in words of its own; graphql-js's errors are the ones clients get from every other
  // operation (and the ones src/schema/shared/errors.ts turns into BAD_USER_INPUT).
  if (result.data === undefined && operation.variableDefinitions?.length) {
    const coerced = getVariableValues(args.schema, operation.variableDefinitions, (args.variableValues ?? {}) as Record<string, unknown>);
    if (coerced.errors) return { errors: coerced.errors };
  }
  return withNodes(result, errors, operation, args.document);
}

/**
 * graphql-jit's errors carry `locations` but not the AST nodes that graphql-js (and Yoga, which
 * rebuilds every error from its nodes before sending it) derive them from. Each is rebuilt as
 * graphql-js would have located it: the field nodes at its path, its original error kept.
 */
function withNodes(result: ExecutionResult, errors: readonly GraphQLError[], operation: OperationDefinitionNode, document: DocumentNode): ExecutionResult {
  const rebuilt = errors.map((error) => {
    if (!error.path || error.nodes) return error;
    const nodes = fieldNodesAt(operation.selectionSet, error.path, document);
    // Without an original error it is the executor's own (a null in a non-null field): graphql-js
    // wraps a plain Error there, which the error mask hides the same way.
    return locatedError(error.originalError ?? new Error(error.message), nodes.length > 0 ? nodes : undefined, error.path);
  });
  return { ...result, errors: rebuilt };
}

/** The field nodes answering `path` (response keys and list indexes), through fragments. */
function fieldNodesAt(selectionSet: SelectionSetNode, path: readonly (string | number)[], document: DocumentNode): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let sets = [selectionSet];
  let nodes: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue;
    nodes = sets.flatMap((set) => fieldsIn(set, fragments)).filter((field) => (field.alias ?? field.name).value === key);
    sets = nodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return nodes;
}

function fieldsIn(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsIn(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return fieldsIn(fragment.selectionSet, fragments, seen);
  });
}
