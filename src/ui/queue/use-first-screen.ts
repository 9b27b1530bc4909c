/**
 * The first screen of the default view, read once with a small query so a large library
 * shows its top rows before the whole of it is read. A page may start that read itself,
 * before it renders (`startFirstScreen`), to save a frame. `done` turns true when it settled
 * either way (a failure is reported by the full read and the open check).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import { loadFirstScreen, type QueueEntry } from '../../db/queue';

/** Rows rendered at first, and added per step as the user scrolls. */
export const PAGE_ROWS = 50;

export function startFirstScreen(db: PaperQueueDB): Promise<QueueEntry[]> {
  return loadFirstScreen(db, PAGE_ROWS);
}

export function useFirstScreen(db: PaperQueueDB, started?: Promise<QueueEntry[]>) {
  const [state, setState] = useState<{ done: boolean; entries: QueueEntry[] | null }>({
    done: false,
    entries: null,
  });
  useEffect(() => {
    let live = true;
    (started ?? startFirstScreen(db)).then(
      (entries) => live && setState({ done: true, entries }),
      () => live && setState({ done: true, entries: null }),
    );
    return () => {
      live = false;
    };
  }, [db, started]);
  return state;
}
