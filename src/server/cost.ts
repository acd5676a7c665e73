import {
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import { CostModel, type FieldCost } from './cost-model.js';

/** An operation's worst case: the GHL calls it may make and the objects it may return. */
export interface CostEstimate {
  upstreamCalls: number;
  resultObjects: number;
}

export interface CostLimits {
  maxUpstreamCalls: number;
  maxResultObjects: number;
}

const ZERO: CostEstimate = { upstreamCalls: 0, resultObjects: 0 };

/** A page size given to `first`, or null when the value is not one (the field's default applies). */
function pageValue(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Worst case of the operation from the document and the variables alone, before anything runs.
 * A list multiplies what is under it by its size (`first`, or the assumed size of an unbounded
 * list), so nesting multiplies; a field traced to GHL counts its calls once per parent even when
 * the cache may answer them, so the estimate is an upper bound of what the simulator would log.
 * Fragments are costed once per (fragment, type, page size) and reused, so the walk is linear in
 * the document even when fragments spread fragments many times.
 */
export function estimateCost(model: CostModel, schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): CostEstimate {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return ZERO;
  const root = schema.getRootType(operation.operation);
  if (!root) return ZERO;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, CostEstimate>();
  const sharedReads = new Map<string, number>();

  const pageOf = (node: FieldNode, cost: FieldCost): number => {
    const arg = node.arguments?.find((a) => a.name.value === 'first');
    let value: unknown = undefined;
    if (arg?.value.kind === Kind.INT) value = Number(arg.value.value);
    else if (arg?.value.kind === Kind.VARIABLE) value = variables?.[arg.value.name.value];
    return pageValue(value) ?? cost.defaultPage;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, page: number | null): CostEstimate => {
    let upstreamCalls = 0;
    let resultObjects = 0;
    for (const selection of set.selections) {
      let part: CostEstimate = ZERO;
      if (selection.kind === Kind.FIELD) {
        part = fieldCost(selection, parent, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) part = walk(selection.selectionSet, type, page);
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type)) {
          const key = `${fragment.name.value}|${type.name}|${page}`;
          part = memo.get(key) ?? walk(fragment.selectionSet, type, page);
          memo.set(key, part);
        }
      }
      upstreamCalls += part.upstreamCalls;
      resultObjects += part.resultObjects;
    }
    return { upstreamCalls, resultObjects };
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, page: number | null): CostEstimate => {
    const name = node.name.value;
    if (name.startsWith('__')) return ZERO;
    // On an interface or union, the costliest implementation counts.
    const owners = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
    const costs = owners.map((t) => model.field(t.name, name)).filter((c): c is FieldCost => c !== undefined);
    if (costs.length === 0) return ZERO;
    const cost = costs.reduce((a, b) => (b.calls > a.calls || b.listSize > a.listSize ? b : a));
    const definition = 'getFields' in parent ? parent.getFields()[name] : undefined;
    const isList = definition ? isListType(getNullableType(definition.type)) : cost.listSize > 1;
    const first = cost.paged ? pageOf(node, cost) : null;
    let size = 1;
    if (isList) size = first ?? (owners.some((t) => model.isPageList(t.name, name)) ? (page ?? cost.listSize) : cost.listSize);
    let below = ZERO;
    const named = definition ? getNamedType(definition.type) : undefined;
    if (node.selectionSet && named && isCompositeType(named)) below = walk(node.selectionSet, named, first);
    let ownCalls = cost.calls;
    if (cost.sharedRead) {
      sharedReads.set(cost.sharedRead, Math.max(sharedReads.get(cost.sharedRead) ?? 0, cost.calls));
      ownCalls = 0;
    }
    return {
      upstreamCalls: ownCalls + size * below.upstreamCalls,
      resultObjects: (cost.returnsObjects ? size : 0) + size * below.resultObjects,
    };
  };

  const total = walk(operation.selectionSet, root, null);
  let shared = 0;
  for (const calls of sharedReads.values()) shared += calls;
  return { upstreamCalls: total.upstreamCalls + shared, resultObjects: total.resultObjects };
}

/**
 * Refuses an operation whose worst case passes a ceiling with `QUERY_TOO_COMPLEX` (estimate and
 * limit in its extensions) before anything runs, and reports in every result what the operation
 * was expected to cost and what it did cost: `extensions.cost = { requestedQueryCost,
 * requestedResultObjects, upstreamCalls, cacheHits }` (calls made, i.e. rate budget spent, and
 * calls the cache saved).
 */
export function useCostLimit(schema: GraphQLSchema, limits: CostLimits): Plugin<GraphQLContext> {
  const estimates = new EstimateCache(new CostModel(schema));
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const estimate = estimates.get(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | null);
      if (estimate.upstreamCalls > limits.maxUpstreamCalls || estimate.resultObjects > limits.maxResultObjects) {
        setResultAndStopExecution({
          errors: [tooComplex(estimate, limits)],
          extensions: { cost: { requestedQueryCost: estimate.upstreamCalls, requestedResultObjects: estimate.resultObjects, upstreamCalls: 0, cacheHits: 0 } },
        });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const meter = (args.contextValue as GraphQLContext).meter;
          const cost = { requestedQueryCost: estimate.upstreamCalls, requestedResultObjects: estimate.resultObjects, upstreamCalls: meter.upstreamCalls, cacheHits: meter.cacheHits };
          // Built field by field: spreading a result costs several times more on every request.
          const extensions = result.extensions ? { ...result.extensions, cost } : { cost };
          setResult(result.errors ? { errors: result.errors, data: result.data, extensions } : { data: result.data, extensions });
        },
      };
    },
  };
}

/** Variants (operation name, page sizes) remembered per document; past this many, the document starts over. */
const MAX_VARIANTS_PER_DOCUMENT = 32;

/**
 * Estimates remembered per document. Yoga's parse cache hands every request with the same query
 * text the same DocumentNode, so a repeated operation is costed once, not on every request; the
 * WeakMap lets an estimate go when Yoga's cache lets its document go. What else the estimate
 * depends on is part of the key: the operation's name and the values of the variables given to
 * `first` (the only variables the walk reads), each reduced to what `pageOf` makes of it.
 */
class EstimateCache {
  private readonly byDocument = new WeakMap<DocumentNode, { pageVariables: readonly string[]; variants: Map<string, CostEstimate> }>();

  constructor(private readonly model: CostModel) {}

  get(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): CostEstimate {
    let entry = this.byDocument.get(document);
    if (!entry) {
      entry = { pageVariables: pageVariables(document), variants: new Map() };
      this.byDocument.set(document, entry);
    }
    let key = operationName ?? '';
    for (const name of entry.pageVariables) key += `|${pageValue(variables?.[name]) ?? '-'}`;
    let estimate = entry.variants.get(key);
    if (!estimate) {
      estimate = estimateCost(this.model, schema, document, operationName, variables);
      if (entry.variants.size >= MAX_VARIANTS_PER_DOCUMENT) entry.variants.clear();
      entry.variants.set(key, estimate);
    }
    return estimate;
  }
}

/** The variables a document passes to a `first` argument, anywhere in it. */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

function tooComplex(estimate: CostEstimate, limits: CostLimits): GraphQLError {
  const over =
    estimate.upstreamCalls > limits.maxUpstreamCalls
      ? `may make ${estimate.upstreamCalls} GHL calls (limit ${limits.maxUpstreamCalls})`
      : `may return ${estimate.resultObjects} objects (limit ${limits.maxResultObjects})`;
  return new GraphQLError(`This operation is too complex: it ${over}. Ask for smaller pages (\`first\`) or fewer nested lists.`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', estimate, limit: { upstreamCalls: limits.maxUpstreamCalls, resultObjects: limits.maxResultObjects } },
  });
}
