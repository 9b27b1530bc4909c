/** Where the data lives and whether the browser will keep it. Stateful wrapper. */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../db/database';
import { DATABASE_NAME } from '../db/database';
import { useAfterFirstRender } from '../ui/queue/timing';
import { useDatabaseOpen } from '../ui/queue/use-database-open';
import { type LiveResult, useLiveQuery } from '../ui/queue/use-live-query';
import { StorageStatus } from './StorageStatus';
import {
  countData,
  type DataCounts,
  estimateUsage,
  isChromiumUnlimited,
  type PersistState,
  requestPersistence,
  safetyOf,
} from './storage-facts';

export function StorageSection({ db }: { db: PaperQueueDB }) {
  const opened = useDatabaseOpen(db);
  // After the queue's first rows: these counts would hold its first screen back.
  const live = useLiveQuery(() => countData(db), [db], useAfterFirstRender());
  const counts: LiveResult<DataCounts> = opened.status === 'error' ? opened : live;
  const [persist, setPersist] = useState<PersistState>('checking');
  const [unlimited, setUnlimited] = useState(false);
  const [usage, setUsage] = useState<number | null>(null);
  useEffect(() => {
    Promise.all([
      requestPersistence().catch((): PersistState => 'unsupported'),
      isChromiumUnlimited(),
    ]).then(([state, exempt]) => {
      setUnlimited(exempt);
      setPersist(state);
    });
    estimateUsage().then(setUsage, () => {});
  }, []);
  return (
    <StorageStatus
      databaseName={DATABASE_NAME}
      origin={location.origin}
      counts={counts}
      safety={safetyOf(persist, unlimited)}
      usage={usage}
    />
  );
}
