/**
 * The one set of "leave out what is not given" helpers. They differ only in what counts as not
 * given, so each name says exactly that. A copy is returned; nested objects are not visited.
 */

/** Drops `undefined` values: absent fields are left out of a response rather than sent as null. */
export function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Drops `null` and `undefined` values: GraphQL's "not given" never reaches GHL as null. */
export function withoutNullish<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}

/** Drops `null`, `undefined` and empty-string values: for query strings, where `?a=` means something. */
export function withoutNullishOrEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}
