/**
 * Rows that keep their place after a click changed them, so the list never moves under the
 * pointer. Without this, "Mark read" in the Queue view took the row away at once and the next
 * row slid up under the pointer: a double click marked two papers, and a Remove could land on
 * the paper below. A held row stays where it was, showing its new state ("Mark unread",
 * "Put back"), until the pointer leaves the list or, when the pointer is not in the list
 * (keyboard), a moment has passed; then the list takes its new order. The listing's cards do
 * the same (see JUST_NOW in src/content/read-filter.ts).
 *
 * Pure placement here; the timing is in use-held-rows.ts.
 */
import type { QueueEntry } from '../../db/queue';

/** How long a row keeps its place once the pointer is not over the list. */
export const HOLD_MS = 2000;

export interface HeldRow {
  /** The row as it showed when held, with the change made (a removed paper is not saved). */
  entry: QueueEntry;
  /** The paper as it was before the change (for Put back). */
  before: QueueEntry;
  /** Where it was in the list. */
  index: number;
}

export type HeldRows = ReadonlyMap<string, HeldRow>;

/**
 * The rows to show: `shown` (the view's papers in order) with every held row back at its
 * index, as its latest state in `current` (or as held, once it has left the database).
 */
export function placeHeld(
  shown: readonly QueueEntry[],
  held: HeldRows,
  current: Pick<ReadonlyMap<string, QueueEntry>, 'get'>,
): QueueEntry[] {
  if (held.size === 0) return shown as QueueEntry[];
  const rows = shown.filter((entry) => !held.has(entry.id));
  for (const row of [...held.values()].sort((a, b) => a.index - b.index)) {
    rows.splice(Math.min(row.index, rows.length), 0, current.get(row.entry.id) ?? row.entry);
  }
  return rows;
}
