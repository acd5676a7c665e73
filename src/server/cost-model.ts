import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { GhlTrace } from '../schema/shared/ghl-operation.js';

/**
 * What the cost estimate knows about each field, in one place. Most of it is read from the
 * schema: a field traced to GHL operations (`extensions.ghl`, see `traced`) may call each of them
 * once per parent; a field with `first` returns that many items. The tables below hold what the
 * schema cannot say.
 */
export interface FieldCost {
  /** GHL calls one resolution of the field may make (0 when it reads what its parent holds). */
  calls: number;
  /** How many items a list field returns when nothing bounds it; 1 for a single object. */
  listSize: number;
  /** Whether `first` sets the page size of this field (its list, or its connection's `nodes`/`edges`). */
  paged: boolean;
  /** Page size when `first` is absent. */
  defaultPage: number;
  /**
   * Set when the field reads one location-wide list that every parent in the request shares
   * (pipelines, custom field definitions…): its calls count once per operation, not per parent.
   * The value names the shared read, so two fields over the same list count it once.
   */
  sharedRead: string | null;
  /** Whether the field returns objects (counted in the result size); leaves and scalar lists do not. */
  returnsObjects: boolean;
}

/**
 * Page size assumed when `first` is absent: the largest default any connection uses (50), so the
 * estimate stays an upper bound. Fields whose default is larger are listed below.
 */
const DEFAULT_PAGE = 50;
const PAGE_DEFAULTS: Record<string, number> = {
  'Query.customFields': 100,
  'Location.customFields': 100,
};

/**
 * Items assumed in a list that no argument bounds (a contact's tasks, notes, appointments,
 * opportunities…). GHL documents no ceiling for these; 20 is generous for one record's children,
 * and the result-size ceiling catches what multiplies beyond it.
 */
const DEFAULT_LIST_SIZE = 20;
const LIST_SIZES: Record<string, number> = {};

/** GHL calls per resolution where the schema's traces understate them. */
const CALLS: Record<string, number> = {
  // The blog directories read every page of authors/categories; two pages are assumed.
  'BlogPost.author': 2,
  'BlogPost.categories': 2,
};

/**
 * Fields that look up their value in a location-wide list loaded once per request (one loader
 * key for the whole location), by the name of that list.
 */
const SHARED_READS: Record<string, string> = {
  'Opportunity.pipeline': 'pipelines',
  'Opportunity.stage': 'pipelines',
  'PipelineStage.pipeline': 'pipelines',
  'CustomFieldValue.field': 'customFieldDefinitions',
  'BlogPost.author': 'blogAuthors',
  'BlogPost.categories': 'blogCategories',
  'Calendar.group': 'calendarGroups',
  'ContactWorkflowAddPayload.workflow': 'workflows',
  'ContactWorkflowRemovePayload.workflow': 'workflows',
  'ContactCampaignAddPayload.campaign': 'campaigns',
  'ContactCampaignRemovePayload.campaign': 'campaigns',
};

/**
 * The GHL operations a field names: its `ghl` extension (from `traced`), else the operations its
 * description cites in the same form ("GHL: `get-contact` (GET /contacts/{contactId})"), which
 * link fields such as `Opportunity.contact` use.
 */
function tracedOperations(field: GraphQLField<unknown, unknown>): Set<string> {
  const ids = new Set(((field.extensions as { ghl?: GhlTrace[] } | undefined)?.ghl ?? []).map((t) => t.operationId));
  for (const match of (field.description ?? '').matchAll(/`([\w-]+)` \((?:GET|POST|PUT|PATCH|DELETE) \//g)) ids.add(match[1]!);
  return ids;
}

/** Connection types hand their page size down to these list fields. */
const PAGE_LIST_FIELDS = new Set(['nodes', 'edges']);

export class CostModel {
  private readonly fields = new Map<string, FieldCost>();

  constructor(schema: GraphQLSchema) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) this.fields.set(`${type.name}.${field.name}`, describe(type.name, field));
    }
  }

  /** Cost facts of `Type.field`; unknown fields (introspection) cost nothing upstream. */
  field(typeName: string, fieldName: string): FieldCost | undefined {
    return this.fields.get(`${typeName}.${fieldName}`);
  }

  /** Whether a list field of a connection type takes its size from the enclosing `first`. */
  isPageList(typeName: string, fieldName: string): boolean {
    return typeName.endsWith('Connection') && PAGE_LIST_FIELDS.has(fieldName);
  }
}

function describe(typeName: string, field: GraphQLField<unknown, unknown>): FieldCost {
  const key = `${typeName}.${field.name}`;
  const isList = isListType(getNullableType(field.type));
  return {
    calls: CALLS[key] ?? tracedOperations(field).size,
    sharedRead: SHARED_READS[key] ?? null,
    listSize: isList ? (LIST_SIZES[key] ?? DEFAULT_LIST_SIZE) : 1,
    paged: field.args.some((a) => a.name === 'first'),
    defaultPage: PAGE_DEFAULTS[key] ?? DEFAULT_PAGE,
    returnsObjects: isCompositeType(getNamedType(field.type)),
  };
}
