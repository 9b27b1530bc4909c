/**
 * The list of shown papers, rendered incrementally: the first `limit` rows, and more when
 * the end of the list scrolls into view. A 10,000-paper library then costs the same to open
 * as a 50-paper one. Presentational.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { QueueEntry } from '../../db/queue';
import { QueueRow, type RowHandlers } from './QueueRow';

interface Props {
  entries: QueueEntry[];
  limit: number;
  activeId: string | null;
  editingId: string | null;
  selected: ReadonlySet<string>;
  handlers: RowHandlers;
  onNeedMore: () => void;
  label: string;
  /** The list shows a first screen while the rest is still being read. */
  busy: boolean;
  /**
   * One row in the Tab order (the active one, else the first), the others reached with
   * ↑/↓: only while those keys work (the keyboard setting), else every row is tabbable.
   */
  roving: boolean;
}

/** The element the list scrolls in: the popup's list pane, or the page (null). */
function scrollParent(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

export function QueueList(props: Props) {
  const { entries, limit } = props;
  const sentinel = useRef<HTMLDivElement>(null);
  const hasMore = entries.length > limit && !props.busy;
  const needMore = useRef(props.onNeedMore);
  needMore.current = props.onNeedMore;

  useEffect(() => {
    const target = sentinel.current;
    if (!target) return;
    // Start rendering the next rows a screen before the user reaches them. The margin only
    // widens the root's box, so the root must be the pane that scrolls, not the viewport.
    const observer = new IntersectionObserver(
      (records) => {
        if (records.some((r) => r.isIntersecting)) needMore.current();
      },
      { root: scrollParent(target), rootMargin: '600px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, limit]);

  const shown = entries.slice(0, limit);
  const entryId = props.roving
    ? (shown.find((entry) => entry.id === props.activeId) ?? shown[0])?.id
    : undefined;
  return (
    <>
      <ul class="queue" aria-label={props.label} aria-busy={props.busy}>
        {shown.map((entry) => (
          <QueueRow
            key={entry.id}
            entry={entry}
            active={entry.id === props.activeId}
            editing={entry.id === props.editingId}
            selected={props.selected.has(entry.id)}
            tabbable={!props.roving || entry.id === entryId || entry.id === props.editingId}
            handlers={props.handlers}
          />
        ))}
      </ul>
      {hasMore && (
        <div ref={sentinel} class="more muted">
          Showing {limit.toLocaleString('en')} of {entries.length.toLocaleString('en')}…
        </div>
      )}
    </>
  );
}
