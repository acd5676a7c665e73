import { stableKey } from '../loaders/keys.js';

/**
 * The pure part of change detection: compare what a poll returned with what was known, and say
 * what was created, updated or deleted. No I/O, no clock: `occurredAt` is passed in.
 */

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';
export type ChangeSource = 'POLL' | 'WEBHOOK' | 'MUTATION';

/** One change, as published to subscribers. Plain JSON: it may cross Redis later. */
export interface Change<T = Record<string, unknown>> {
  kind: ChangeKind;
  id: string;
  /** The record after the change; for DELETED, the last state known. */
  node: T;
  /** Top-level fields whose value changed (UPDATED); every known field for CREATED; none for DELETED. */
  changedFields: string[];
  occurredAt: string;
  source: ChangeSource;
}

/** Fields that differ between polls without being a change of the record (paging artefacts). */
const VOLATILE = new Set(['searchAfter']);

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !VOLATILE.has(k) && stableKey(before[k]) !== stableKey(after[k])).sort();
}

/** Compares one record with what was known; null when nothing changed. */
export function diffOne<T extends Record<string, unknown>>(known: T | undefined, next: T, id: string, occurredAt: string, source: ChangeSource): Change<T> | null {
  if (!known) {
    return { kind: 'CREATED', id, node: next, changedFields: Object.keys(next).filter((k) => !VOLATILE.has(k)).sort(), occurredAt, source };
  }
  const fields = changedFields(known, next);
  return fields.length === 0 ? null : { kind: 'UPDATED', id, node: next, changedFields: fields, occurredAt, source };
}

/**
 * Diffs a complete listing against the snapshot: new ids are CREATED, changed ones UPDATED, and
 * ids that are gone DELETED. Returns the new snapshot too.
 */
export function diffListing<T extends Record<string, unknown>>(
  snapshot: ReadonlyMap<string, T>,
  listing: readonly T[],
  idOf: (t: T) => string,
  occurredAt: string,
): { changes: Change<T>[]; next: Map<string, T> } {
  const next = new Map<string, T>();
  const changes: Change<T>[] = [];
  for (const item of listing) {
    const id = idOf(item);
    if (next.has(id)) continue; // a page boundary repeated it
    next.set(id, item);
    const change = diffOne(snapshot.get(id), item, id, occurredAt, 'POLL');
    if (change) changes.push(change);
  }
  for (const [id, last] of snapshot) {
    if (!next.has(id)) changes.push({ kind: 'DELETED', id, node: last, changedFields: [], occurredAt, source: 'POLL' });
  }
  return { changes, next };
}
