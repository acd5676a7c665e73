import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
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
 * DataLoaders, so when the child resolver runs it receives the very promise already in flight.
 * When the parent turns out not to exist, nobody awaits the prefetched loads: their results are
 * dropped (a failure among them is swallowed here and never reported), and the answer is the same
 * as without prefetch.
 *
 * The registry is filled once, while the schema is built; it holds no request state.
 */
export type ChildLoad<Args, Result> = (parentId: string, args: Args, ctx: GraphQLContext) => Promise<Result>;

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
  const loads = childLoads.get(typeName);
  const type = info.schema.getType(typeName);
  if (!loads || !isObjectType(type)) return;
  const fields = type.getFields();
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  for (const node of selectedFields(selections, typeName, info, new Set())) {
    const load = loads.get(node.name.value);
    const field = fields[node.name.value];
    if (!load || !field) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, info.variableValues);
      checkArguments(field, args); // the same bounds as the field's own resolver: nothing unchecked goes out
    } catch {
      continue; // the field's own resolution reports bad arguments
    }
    load(parentId, args as never, ctx).catch(() => undefined);
  }
}

/** The field nodes a selection set asks of an object of `typeName`, through fragments, minus skipped ones. */
function* selectedFields(selections: readonly SelectionNode[], typeName: string, info: GraphQLResolveInfo, seenFragments: Set<string>): Generator<FieldNode> {
  for (const selection of selections) {
    if (!isIncluded(selection, info)) continue;
    switch (selection.kind) {
      case Kind.FIELD:
        yield selection;
        break;
      case Kind.INLINE_FRAGMENT:
        if (appliesTo(selection.typeCondition?.name.value, typeName, info)) yield* selectedFields(selection.selectionSet.selections, typeName, info, seenFragments);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        if (!fragment || seenFragments.has(name) || !appliesTo(fragment.typeCondition.name.value, typeName, info)) break;
        seenFragments.add(name);
        yield* selectedFields(fragment.selectionSet.selections, typeName, info, seenFragments);
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
