/** Views with counts, search, sort and tag filter. Presentational. */
import type { Ref } from 'preact';
import { tagLabel } from '../../shared/tags';
import {
  type QueueViewName,
  SORT_LABELS,
  type SortKey,
  VIEW_LABELS,
  type ViewCounts,
} from './queue-query';

interface Props {
  view: QueueViewName;
  /** null while the library is still being read. */
  counts: ViewCounts | null;
  search: string;
  sort: SortKey;
  tag: string;
  tags: [string, number][];
  searchRef: Ref<HTMLInputElement>;
  onView: (view: QueueViewName) => void;
  onSearch: (search: string) => void;
  onSort: (sort: SortKey) => void;
  onTag: (tag: string) => void;
}

const VIEWS = Object.keys(VIEW_LABELS) as QueueViewName[];
const SORTS = Object.keys(SORT_LABELS) as SortKey[];

export function QueueToolbar(props: Props) {
  return (
    <div class="toolbar">
      <fieldset class="views">
        <legend class="visually-hidden">Views</legend>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            class="view"
            aria-pressed={props.view === view}
            onClick={() => props.onView(view)}
          >
            {VIEW_LABELS[view]}{' '}
            <span class="count">
              {props.counts ? props.counts[view].toLocaleString('en') : '…'}
            </span>
          </button>
        ))}
      </fieldset>
      <div class="filters">
        <input
          ref={props.searchRef}
          type="search"
          class="search"
          placeholder="Search…  ( / )"
          aria-label="Search saved papers"
          value={props.search}
          onInput={(e) => props.onSearch(e.currentTarget.value)}
        />
        <select
          aria-label="Sort by"
          value={props.sort}
          onChange={(e) => props.onSort(e.currentTarget.value as SortKey)}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
        {(props.tags.length > 0 || props.tag) && (
          <select
            aria-label="Filter by tag"
            value={props.tag}
            onChange={(e) => props.onTag(e.currentTarget.value)}
          >
            <option value="">All tags</option>
            {props.tag && !props.tags.some(([t]) => t === props.tag) && (
              <option value={props.tag}>{tagLabel(props.tag)} (0)</option>
            )}
            {props.tags.map(([tag, count]) => (
              <option key={tag} value={tag}>
                {tagLabel(tag)} ({count})
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  );
}
