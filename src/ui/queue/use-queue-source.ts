/**
 * One QueueSource per database on a page (queue-source.ts), its state as Preact state. The
 * queue view starts it; other parts of the page (the export) read what it holds.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import type { QueueEntry } from '../../db/queue';
import { QueueSource, type SourceState } from './queue-source';
import { startFirstScreen } from './use-first-screen';

const sources = new WeakMap<PaperQueueDB, QueueSource>();

/** The page's source for `db` (made, not started, if the queue view has not made it yet). */
export function sourceFor(db: PaperQueueDB): QueueSource {
  let source = sources.get(db);
  if (!source) {
    source = new QueueSource(db);
    sources.set(db, source);
  }
  return source;
}

/** Every saved paper, once the library has streamed in (else undefined: read the database). */
export function savedPapersOf(db: PaperQueueDB): readonly QueueEntry[] | undefined {
  const state = sources.get(db)?.current;
  return state?.phase === 'complete' ? state.entries.map((item) => item.entry) : undefined;
}

export function useQueueSource(
  db: PaperQueueDB,
  firstScreen?: Promise<QueueEntry[]>,
): { source: QueueSource; state: SourceState } {
  const source = useMemo(() => sourceFor(db), [db]);
  const [state, setState] = useState<SourceState>(source.current);
  useEffect(() => {
    const unsubscribe = source.subscribe(setState);
    source.start(firstScreen ?? startFirstScreen(db));
    return () => {
      unsubscribe();
      source.stop();
      if (sources.get(db) === source) sources.delete(db);
    };
  }, [source]);
  return { source, state };
}
