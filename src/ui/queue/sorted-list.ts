/**
 * The library sorted for the view, kept in step with the source by patching: after a change
 * of a few papers (a click, a tag) only those move (binary search), instead of sorting
 * 50,000 papers again. A change of sort, or of many papers, sorts again.
 */

import { compareBy, type IndexedEntry, type SortKey, sortIndexed } from './queue-query';
import type { QueueSource, SourceState } from './queue-source';

/** More changed papers than this in one step: sorting again is cheaper than moving each. */
const PATCH_LIMIT = 500;

export class SortedList {
  private built: { sort: SortKey; version: number; list: IndexedEntry[] } | null = null;

  constructor(private readonly source: Pick<QueueSource, 'changedSince' | 'get'>) {}

  sorted(state: Pick<SourceState, 'version' | 'entries'>, sort: SortKey): IndexedEntry[] {
    const built = this.built;
    if (built && built.sort === sort && built.version === state.version) return built.list;
    const changed = built && built.sort === sort ? this.source.changedSince(built.version) : null;
    let list: IndexedEntry[];
    if (built && changed && changed.size <= PATCH_LIMIT) {
      list = built.list.filter((item) => !changed.has(item.entry.id));
      const compare = compareBy(sort);
      for (const id of changed) {
        const item = this.source.get(id);
        if (item) list.splice(insertionPoint(list, item, compare), 0, item);
      }
    } else list = sortIndexed(state.entries, sort);
    this.built = { sort, version: state.version, list };
    return list;
  }
}

function insertionPoint(
  list: readonly IndexedEntry[],
  item: IndexedEntry,
  compare: ReturnType<typeof compareBy>,
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare((list[mid] as IndexedEntry).entry, item.entry) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
