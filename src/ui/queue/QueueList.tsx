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
    // Start rendering the next rows a screen before the user reaches them.
    const observer = new IntersectionObserver(
      (records) => {
        if (records.some((r) => r.isIntersecting)) needMore.current();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, limit]);

  return (
    <>
      <ul class="queue" aria-label={props.label} aria-busy={props.busy}>
        {entries.slice(0, limit).map((entry) => (
          <QueueRow
            key={entry.id}
            entry={entry}
            active={entry.id === props.activeId}
            editing={entry.id === props.editingId}
            selected={props.selected.has(entry.id)}
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
