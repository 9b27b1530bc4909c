/** Where the data lives and whether the browser will keep it. Stateful wrapper. */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../db/database';
import { DATABASE_NAME } from '../db/database';
import { useLiveQuery } from '../ui/queue/use-live-query';
import { StorageStatus } from './StorageStatus';
import { countData, estimateUsage, type PersistState, requestPersistence } from './storage-facts';

export function StorageSection({ db }: { db: PaperQueueDB }) {
  const counts = useLiveQuery(() => countData(db), [db]);
  const [persist, setPersist] = useState<PersistState>('checking');
  const [usage, setUsage] = useState<number | null>(null);
  useEffect(() => {
    requestPersistence().then(setPersist, () => setPersist('unsupported'));
    estimateUsage().then(setUsage, () => {});
  }, []);
  return (
    <StorageStatus
      databaseName={DATABASE_NAME}
      origin={location.origin}
      counts={counts}
      persist={persist}
      usage={usage}
    />
  );
}
