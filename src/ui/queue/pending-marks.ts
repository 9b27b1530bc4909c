/**
 * Changes the user just made, shown at once while the background writes them. At 10,000
 * papers the live re-read that confirms a change takes a few hundred milliseconds; a Mark
 * read should not. A pending change is dropped as soon as the database shows it (or the
 * write fails), so the database always has the last word.
 */
import type { QueueEntry } from '../../db/queue';

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

/** The pending changes the database does not show yet (the same map if none settled). */
export function unsettled(entries: QueueEntry[], pending: PendingChanges): PendingChanges {
  if (pending.size === 0) return pending;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const left = new Map([...pending].filter(([id, change]) => !isSettled(byId.get(id), change)));
  return left.size === pending.size ? pending : left;
}
