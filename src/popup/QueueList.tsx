/** The reading queue as a list. Presentational: data in, user intentions out. */
import browser from 'webextension-polyfill';
import type { QueueEntry } from '../db/queue';
import { paperUrl } from '../shared/site';

interface Props {
  entries: QueueEntry[];
  onMarkRead: (id: string, read: boolean) => void;
  onRemove: (id: string) => void;
}

export function QueueList({ entries, onMarkRead, onRemove }: Props) {
  if (entries.length === 0) {
    return (
      <div class="empty">
        <p>Your queue is empty.</p>
        <p class="muted">
          Open{' '}
          <a href="https://huggingface.co/papers" onClick={openInTab}>
            Hugging Face Daily Papers
          </a>{' '}
          and press <strong>☆ Save</strong> on a paper to add it here.
        </p>
      </div>
    );
  }
  return (
    <ul class="queue" aria-label="Saved papers">
      {entries.map((entry) => (
        <QueueItem key={entry.id} entry={entry} onMarkRead={onMarkRead} onRemove={onRemove} />
      ))}
    </ul>
  );
}

interface ItemProps {
  entry: QueueEntry;
  onMarkRead: (id: string, read: boolean) => void;
  onRemove: (id: string) => void;
}

function QueueItem({ entry, onMarkRead, onRemove }: ItemProps) {
  const read = entry.readAt > 0;
  const byline = [formatAuthors(entry.authors), formatDate(entry.publishedAt)]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class={read ? 'item read' : 'item'} data-paper-id={entry.id}>
      <div class="item-text">
        <a class="title" href={paperUrl(entry.id)} onClick={openInTab}>
          {entry.title}
        </a>
        {byline && <p class="byline">{byline}</p>}
      </div>
      <div class="item-actions">
        <button
          type="button"
          aria-pressed={read}
          onClick={() => onMarkRead(entry.id, !read)}
          title={read ? 'Mark as unread' : 'Mark as read'}
        >
          {read ? 'Mark unread' : 'Mark read'}
        </button>
        <button type="button" onClick={() => onRemove(entry.id)} title="Remove from queue">
          Remove
        </button>
      </div>
    </li>
  );
}

/** Opens links in a new tab: a plain link would navigate inside the popup. */
function openInTab(event: MouseEvent) {
  const link = event.currentTarget as HTMLAnchorElement;
  event.preventDefault();
  void browser.tabs.create({ url: link.href });
}

export function formatAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors[0]} et al.`;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString('en', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
