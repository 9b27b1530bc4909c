/** One saved paper: title link, byline, tags, note, and its actions. Presentational. */
import { memo } from 'preact/compat';
import { useRef } from 'preact/hooks';
import type { QueueEntry } from '../../db/queue';
import { tagLabel } from '../../shared/tags';
import { paperUrl } from '../../site/huggingface/urls';
import { AnnotationEditor } from './AnnotationEditor';
import { formatAuthors, formatDate, formatUpvotes } from './format';
import { NoteText } from './NoteText';

export interface RowHandlers {
  onOpen: (entry: QueueEntry) => void;
  onSetRead: (entry: QueueEntry, read: boolean) => void;
  onRemove: (entry: QueueEntry) => void;
  /** Saves a paper just removed from this row again, as it was. */
  onPutBack: (entry: QueueEntry) => void;
  onSetPinned: (entry: QueueEntry, pinned: boolean) => void;
  onEdit: (id: string | null) => void;
  onAnnotate: (entry: QueueEntry, change: { note: string; tags: string[] }) => void;
  onTagFilter: (tag: string) => void;
  onActivate: (id: string) => void;
  /** Only where rows can be selected (the library). */
  onSelect?: (id: string, selected: boolean) => void;
}

interface Props {
  entry: QueueEntry;
  active: boolean;
  editing: boolean;
  selected: boolean;
  /**
   * Whether Tab reaches this row's controls. With the keyboard shortcuts on, only one row
   * is in the Tab order (↑/↓ move between rows), so Tab leaves the list after one paper
   * instead of walking every button of every paper, 50 more at a time as the list grows.
   */
  tabbable: boolean;
  handlers: RowHandlers;
}

/**
 * The second click of a double click is not a second action: the row keeps its place after
 * the first (see held-rows.ts), and its button has turned into the opposite one.
 */
const once = (action: () => void) => (event: MouseEvent) => {
  if (event.detail > 1) return;
  action();
};

function QueueRowView({ entry, active, editing, selected, tabbable, handlers }: Props) {
  const read = entry.readAt > 0;
  const pinned = entry.pinnedAt > 0;
  /** Removed by a click a moment ago, and still held in its place (see held-rows.ts). */
  const removed = entry.savedAt === 0;
  const editButton = useRef<HTMLButtonElement>(null);
  const tab = tabbable ? undefined : -1;
  /** Closing the editor gives focus back to the button that opened it, not to the page. */
  const closeEditor = () => {
    handlers.onEdit(null);
    editButton.current?.focus();
  };
  const byline = [
    formatAuthors(entry.authors),
    formatDate(entry.publishedAt),
    formatUpvotes(entry.upvotes),
  ]
    .filter(Boolean)
    .join(' · ');
  const classes = [
    'item',
    read && 'read',
    pinned && 'pinned',
    active && 'active',
    removed && 'removed',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      class={classes}
      data-paper-id={entry.id}
      tabIndex={tabbable && active ? 0 : -1}
      aria-current={active ? 'true' : undefined}
      onFocusCapture={() => handlers.onActivate(entry.id)}
    >
      {handlers.onSelect && (
        <input
          type="checkbox"
          class="select"
          aria-label={`Select “${entry.title}”`}
          tabIndex={tab}
          disabled={removed}
          checked={selected && !removed}
          onChange={(e) => handlers.onSelect?.(entry.id, e.currentTarget.checked)}
        />
      )}
      <div class="item-text">
        {pinned && <span class="badge">Pinned</span>}
        {removed && <span class="badge removed-badge">Removed</span>}
        <a
          class="title"
          href={paperUrl(entry.id)}
          tabIndex={tab}
          onClick={(e) => {
            e.preventDefault();
            handlers.onOpen(entry);
          }}
        >
          {entry.title}
        </a>
        {byline && <p class="byline">{byline}</p>}
        {entry.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {entry.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  class="tag"
                  tabIndex={tab}
                  title={`Show only papers tagged ${tagLabel(tag)}`}
                  onClick={() => handlers.onTagFilter(tag)}
                >
                  {tagLabel(tag)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {entry.note && !editing && <NoteText note={entry.note} tabbable={tabbable} />}
        {editing && (
          <AnnotationEditor
            title={entry.title}
            note={entry.note}
            tags={entry.tags}
            onSave={(change) => {
              handlers.onAnnotate(entry, change);
              closeEditor();
            }}
            onCancel={closeEditor}
          />
        )}
        <div class="item-tools">
          <button
            type="button"
            tabIndex={tab}
            disabled={removed}
            aria-pressed={pinned}
            onClick={() => handlers.onSetPinned(entry, !pinned)}
            title={pinned ? 'Stop keeping it at the top' : 'Keep it at the top of the queue'}
          >
            {pinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            ref={editButton}
            type="button"
            tabIndex={tab}
            disabled={removed}
            aria-expanded={editing}
            onClick={() => handlers.onEdit(editing ? null : entry.id)}
          >
            {entry.note || entry.tags.length > 0 ? 'Edit note/tags' : 'Add note/tags'}
          </button>
        </div>
      </div>
      <div class="item-actions">
        <button
          type="button"
          tabIndex={tab}
          disabled={removed}
          aria-pressed={read}
          onClick={once(() => handlers.onSetRead(entry, !read))}
          title={read ? 'Mark as unread (r)' : 'Mark as read (r)'}
        >
          {read ? 'Mark unread' : 'Mark read'}
        </button>
        {removed ? (
          <button
            type="button"
            tabIndex={tab}
            onClick={once(() => handlers.onPutBack(entry))}
            title="Save it again, as it was"
          >
            Put back
          </button>
        ) : (
          <button
            type="button"
            tabIndex={tab}
            onClick={once(() => handlers.onRemove(entry))}
            title="Remove from queue (Delete)"
          >
            Remove
          </button>
        )}
      </div>
    </li>
  );
}

/** Rows re-render only when their own paper or state changes: keystrokes stay cheap. */
export const QueueRow = memo(QueueRowView);
