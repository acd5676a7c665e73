import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionNode,
} from 'graphql';
import type { GraphQLContext } from '../../context.js';
import { checkArguments } from './input-guard.js';

/**
 * Look-ahead for the critical path. `contact(id:)` knows the id its children need (tasks, notes,
 * appointments, opportunities, conversations…) before the contact itself has arrived, so it can
 * start their loads at the same moment: the answer then costs one round trip to GHL, not two.
 *
 * A child declares that it needs only its parent's id with `byParentId`, and its resolver calls the
 * load that `byParentId` returns. The root field that knows the id calls `prefetchChildren`, which
 * starts the same loads for exactly the child fields the document selects: fields not asked for,
 * or turned off by `@skip`/`@include`, are never fetched. The loads go through the request's
 * DataLoaders, so when the child resolver runs it receives the very promise already in flight (or,
 * when the in-process cache had it, the value itself: see ReadThroughLoader).
 * When the parent turns out not to exist, nobody awaits the prefetched loads: their results are
 * dropped (a failure among them is swallowed here and never reported), and the answer is the same
 * as without prefetch.
 *
 * The registry is filled once, while the schema is built; it holds no request state.
 */
export type ChildLoad<Args, Result> = (parentId: string, args: Args, ctx: GraphQLContext) => Result | Promise<Result>;

const childLoads = new Map<string, Map<string, ChildLoad<never, unknown>>>();

/** Declares `typeName.fieldName` loadable from its parent's id alone; returns the load for its resolver. */
export function byParentId<Args, Result>(typeName: string, fieldName: string, load: ChildLoad<Args, Result>): ChildLoad<Args, Result> {
  let fields = childLoads.get(typeName);
  if (!fields) childLoads.set(typeName, (fields = new Map()));
  fields.set(fieldName, load as ChildLoad<never, unknown>);
  return load;
}

/** Starts the loads of the selected children of a `typeName` whose id is `parentId`. */
export function prefetchChildren(typeName: string, parentId: string, ctx: GraphQLContext, info: GraphQLResolveInfo): void {
  if (!ctx.prefetch) return;
  for (const child of childrenToLoad(typeName, info)) {
    let args = child.args;
    if (!args) {
      try {
        args = getArgumentValues(child.field, child.node, info.variableValues);
        checkArguments(child.field, args); // the same bounds as the field's own resolver: nothing unchecked goes out
      } catch {
        continue; // the field's own resolution reports bad arguments
      }
    }
    const started = child.load(parentId, args as never, ctx);
    // A warm child answers at once (nothing in flight); a started load's failure is its field's to report.
    if (started instanceof Promise) started.catch(() => undefined);
  }
}

interface ChildToLoad {
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
  load: ChildLoad<never, unknown>;
  /** Its arguments, when the node gives none (so they never change) and they pass the checks. */
  args: Record<string, unknown> | null;
}

/**
 * The children to load, per field node of the document and parent type: the walk over the
 * selections is the same for every request with the same document, so it is made once, unless a
 * `@skip`/`@include` on the way makes it depend on the variables. Keyed by the document's own
 * nodes (Yoga's parse cache hands every such request the same document), so it goes with it.
 */
const plans = new WeakMap<FieldNode, Map<string, ChildToLoad[]>>();

function childrenToLoad(typeName: string, info: GraphQLResolveInfo): ChildToLoad[] {
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : null;
  const known = key && plans.get(key)?.get(typeName);
  if (known) return known;
  const loads = childLoads.get(typeName);
  const type = info.schema.getType(typeName);
  if (!loads || !isObjectType(type)) return [];
  const fields = type.getFields();
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const walk = { directives: false };
  const plan: ChildToLoad[] = [];
  for (const node of selectedFields(selections, typeName, info, new Set(), walk)) {
    const load = loads.get(node.name.value);
    const field = fields[node.name.value];
    if (!load || !field) continue;
    plan.push({ node, field, load, args: node.arguments?.length ? null : constantArguments(field, node, info) });
  }
  if (key && !walk.directives) {
    let byType = plans.get(key);
    if (!byType) plans.set(key, (byType = new Map()));
    byType.set(typeName, plan);
  }
  return plan;
}

/** The arguments of a node that gives none (defaults only), or null to work them out per request. */
function constantArguments(field: GraphQLField<unknown, unknown>, node: FieldNode, info: GraphQLResolveInfo): Record<string, unknown> | null {
  try {
    const args = getArgumentValues(field, node, info.variableValues);
    checkArguments(field, args);
    return args;
  } catch {
    return null; // worked out (and refused) again per request, as before
  }
}

/** The field nodes a selection set asks of an object of `typeName`, through fragments, minus skipped ones. */
function* selectedFields(selections: readonly SelectionNode[], typeName: string, info: GraphQLResolveInfo, seenFragments: Set<string>, walk: { directives: boolean }): Generator<FieldNode> {
  for (const selection of selections) {
    if (selection.directives?.length) walk.directives = true;
    if (!isIncluded(selection, info)) continue;
    switch (selection.kind) {
      case Kind.FIELD:
        yield selection;
        break;
      case Kind.INLINE_FRAGMENT:
        if (appliesTo(selection.typeCondition?.name.value, typeName, info)) yield* selectedFields(selection.selectionSet.selections, typeName, info, seenFragments, walk);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        if (!fragment || seenFragments.has(name) || !appliesTo(fragment.typeCondition.name.value, typeName, info)) break;
        seenFragments.add(name);
        yield* selectedFields(fragment.selectionSet.selections, typeName, info, seenFragments, walk);
        break;
      }
    }
  }
}

function isIncluded(node: SelectionNode, info: GraphQLResolveInfo): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
}

function appliesTo(condition: string | undefined, typeName: string, info: GraphQLResolveInfo): boolean {
  if (!condition || condition === typeName) return true;
  const conditionType = info.schema.getType(condition);
  const objectType = info.schema.getType(typeName);
  return !!conditionType && !!objectType && isAbstractType(conditionType) && 'getInterfaces' in objectType && info.schema.isSubType(conditionType, objectType);
}
