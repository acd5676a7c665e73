import type { GhlAssociation, GhlPage, GhlRelation } from '../ghl/endpoints/associations.js';
import { getAssociation, getAssociationByKey, listAssociations, listAssociationsByObjectKey, listRelations } from '../ghl/endpoints/associations.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/**
 * How long each associations resource may be served from the cross-request cache. Association
 * definitions are configuration and change rarely; relations are data people edit.
 */
export const TTL_MS = {
  association: 300_000,
  associationByKey: 300_000,
  associationsByObjectKey: 300_000,
  associationPage: 300_000,
  recordRelations: 30_000,
};

export interface AssociationPageArgs {
  skip: number;
  limit: number;
}

export interface RecordRelationsArgs {
  recordId: string;
  skip: number;
  limit: number;
  associationId?: string;
}

/** Per-request loaders of the associations domain. Names are the cache resources, so `invalidate` finds them. */
export function createAssociationLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  const association = kit.byId<GhlAssociation>('association', TTL_MS.association, (id) => getAssociation(ghl, id));
  const primeAll = (items: readonly GhlAssociation[]) => {
    for (const a of items) association.prime(a.id, a);
  };
  const byObjectKey = kit.byId<GhlAssociation[]>('associationsByObjectKey', TTL_MS.associationsByObjectKey, (objectKey) => listAssociationsByObjectKey(ghl, objectKey));
  const page = kit.byArgs<AssociationPageArgs, GhlPage<GhlAssociation>>('associationPage', TTL_MS.associationPage, (args) => listAssociations(ghl, args));
  return {
    association,
    /** By the association's unique key (`GET /associations/key/{key_name}`). */
    associationByKey: kit.byId<GhlAssociation>('associationByKey', TTL_MS.associationByKey, (key) => getAssociationByKey(ghl, key)),
    /** Every association with the object key on either side; its items are primed into `association`. */
    associationsByObjectKey: {
      async load(objectKey: string): Promise<GhlAssociation[]> {
        const items = await byObjectKey.load(objectKey);
        primeAll(items);
        return items;
      },
      clear: (objectKey: string) => byObjectKey.clear(objectKey),
      clearAll: () => byObjectKey.clearAll(),
    },
    /** A skip/limit page of the location's associations; its items are primed into `association`. */
    associationPage: {
      async load(args: AssociationPageArgs): Promise<GhlPage<GhlAssociation>> {
        const result = await page.load(args);
        primeAll(result.items);
        return result;
      },
      clearAll: () => page.clearAll(),
    },
    /** One page of a record's relations: one GHL call per distinct record and page. */
    recordRelations: kit.byArgs<RecordRelationsArgs, GhlPage<GhlRelation>>('recordRelations', TTL_MS.recordRelations, (args) => listRelations(ghl, args.recordId, args)),
  };
}
