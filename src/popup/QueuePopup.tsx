/**
 * The popup's stateful wrapper: reads the queue from the database (live) and sends the
 * user's changes to the background, which owns every write.
 */
import { useState } from 'preact/hooks';
import type { PaperQueueDB } from '../db/database';
import { loadQueue } from '../db/queue';
import type { sendRequest } from '../shared/messaging';
import { TransferSection } from '../ui/transfer/TransferSection';
import { QueueList } from './QueueList';
import { useLiveQuery } from './use-live-query';

interface Props {
  db: PaperQueueDB;
  send: typeof sendRequest;
}

export function QueuePopup({ db, send }: Props) {
  const queue = useLiveQuery(() => loadQueue(db), [db]);
  const tags = useLiveQuery(() => db.marks.orderBy('tags').uniqueKeys(), [db]);
  const [error, setError] = useState('');

  const mark = (id: string, change: { saved?: boolean; read?: boolean }) => {
    setError('');
    send({ type: 'paper.mark', id, ...change }).catch((e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Reading queue</h1>
        {queue.status === 'ready' && (
          <span class="counts">{unreadSummary(queue.value.filter((e) => !e.readAt).length)}</span>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {queue.status === 'loading' && <p class="muted">Loading…</p>}
      {queue.status === 'error' && (
        <div class="error" role="alert">
          <p>
            <strong>Storage unavailable.</strong> Paper Queue could not open its database (
            {queue.error.message}).
          </p>
          <p>
            In Firefox this happens when history is set to “Never remember”: extensions then get no
            storage. Allow history for this profile, then reopen this popup.
          </p>
        </div>
      )}
      {queue.status === 'ready' && (
        <QueueList
          entries={queue.value}
          onMarkRead={(id, read) => mark(id, { read })}
          onRemove={(id) => mark(id, { saved: false })}
        />
      )}
      <TransferSection send={send} tags={tags.status === 'ready' ? (tags.value as string[]) : []} />
    </main>
  );
}

function unreadSummary(unread: number): string {
  return unread === 1 ? '1 unread' : `${unread} unread`;
}
