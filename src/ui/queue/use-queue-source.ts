/** One QueueSource for a page (queue-source.ts), its state as Preact state. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import type { QueueEntry } from '../../db/queue';
import { QueueSource, type SourceState } from './queue-source';
import { startFirstScreen } from './use-first-screen';

export function useQueueSource(
  db: PaperQueueDB,
  firstScreen?: Promise<QueueEntry[]>,
): { source: QueueSource; state: SourceState } {
  const source = useMemo(() => new QueueSource(db), [db]);
  const [state, setState] = useState<SourceState>(source.current);
  useEffect(() => {
    const unsubscribe = source.subscribe(setState);
    source.start(firstScreen ?? startFirstScreen(db));
    return () => {
      unsubscribe();
      source.stop();
    };
  }, [source]);
  return { source, state };
}
