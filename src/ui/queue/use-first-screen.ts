/**
 * Reads the first screen of the default view once, quickly, so a large library shows its top
 * rows before the whole of it is read. `done` turns true when this settled either way.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import { loadFirstScreen, type QueueEntry } from '../../db/queue';

export function useFirstScreen(db: PaperQueueDB, count: number) {
  const [state, setState] = useState<{ done: boolean; entries: QueueEntry[] | null }>({
    done: false,
    entries: null,
  });
  useEffect(() => {
    let live = true;
    loadFirstScreen(db, count).then(
      (entries) => live && setState({ done: true, entries }),
      // The full query will report the problem; nothing to show early.
      () => live && setState({ done: true, entries: null }),
    );
    return () => {
      live = false;
    };
  }, [db, count]);
  return state;
}
