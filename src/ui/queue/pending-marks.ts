/**
 * Changes the user just made, shown at once while the background writes them. At 10,000
 * papers the live re-read that confirms a change takes a few hundred milliseconds; a Mark
 * read should not. A pending change is dropped as soon as the database shows it (or the
 * write fails), so the database always has the last word.
 */
import type { QueueEntry } from '../../db/queue';
import { inView, type QueueViewName, type ViewCounts } from './queue-query';

/** Only the marks a button toggles: 0 means off, any other number on. */
export type PendingChange = Partial<Pick<QueueEntry, 'readAt' | 'savedAt' | 'pinnedAt'>>;
export type PendingChanges = ReadonlyMap<string, PendingChange>;

/** The entries as they will be once the pending changes are written. */
export function applyPending(entries: QueueEntry[], pending: PendingChanges): QueueEntry[] {
  if (pending.size === 0) return entries;
  const shown: QueueEntry[] = [];
  for (const entry of entries) {
    const change = pending.get(entry.id);
    if (!change) shown.push(entry);
    else if (change.savedAt !== 0) shown.push({ ...entry, ...change });
  }
  return shown;
}

const on = (value: number | undefined) => (value ?? 0) > 0;

/** True when `entry` (from the database; undefined if not saved) already shows `change`. */
export function isSettled(entry: QueueEntry | undefined, change: PendingChange): boolean {
  if (!entry) return change.savedAt === 0;
  return (Object.keys(change) as (keyof PendingChange)[]).every(
    (key) => on(change[key]) === on(entry[key]),
  );
}

/**
 * The pending changes the database does not show yet (the same map if none settled), given
 * the entries or a lookup of them by id (no pass over the library: a few are pending).
 */
export function unsettled(
  entries: QueueEntry[] | Pick<ReadonlyMap<string, QueueEntry>, 'get'>,
  pending: PendingChanges,
): PendingChanges {
  if (pending.size === 0) return pending;
  const byId = Array.isArray(entries)
    ? new Map(entries.map((entry) => [entry.id, entry]))
    : entries;
  const left = new Map([...pending].filter(([id, change]) => !isSettled(byId.get(id), change)));
  return left.size === pending.size ? pending : left;
}

/**
 * The view's papers with the pending changes laid over them: changed rows show their new
 * state, and leave the view when it no longer holds them (a paper marked read leaves the
 * Queue; a removed one leaves every view). Costs one pass over the list only while a change
 * is pending, and never sorts: the order is the database's until it confirms.
 */
export function withPending(
  shown: readonly QueueEntry[],
  pending: PendingChanges,
  view: QueueViewName,
): QueueEntry[] {
  if (pending.size === 0) return shown as QueueEntry[];
  const rows: QueueEntry[] = [];
  for (const entry of shown) {
    const change = pending.get(entry.id);
    if (!change) rows.push(entry);
    else {
      const next = { ...entry, ...change };
      if (next.savedAt !== 0 && inView(next, view)) rows.push(next);
    }
  }
  return rows;
}

/** The views' counts with the pending changes counted in (`counts` are the database's). */
export function countWithPending(
  counts: ViewCounts,
  current: Pick<ReadonlyMap<string, QueueEntry>, 'get'>,
  pending: PendingChanges,
): ViewCounts {
  if (pending.size === 0) return counts;
  const next = { ...counts };
  const add = (entry: QueueEntry, sign: 1 | -1) => {
    if (entry.savedAt === 0) return;
    next.all += sign;
    if (entry.readAt > 0) next.read += sign;
    else next.queue += sign;
  };
  for (const [id, change] of pending) {
    const entry = current.get(id);
    if (!entry) continue;
    add(entry, -1);
    add({ ...entry, ...change }, 1);
  }
  return next;
}
