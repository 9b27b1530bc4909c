/**
 * Whether the database opened. Asked separately because a Dexie liveQuery never reports a
 * database that fails to open (it waits forever), and that is exactly the case to explain:
 * Firefox with history set to "Never remember" gives extensions no IndexedDB. An upgrade
 * blocked by an older page is reported too, and the queue appears once that page closes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import { openOrExplain, UpgradeBlockedError } from '../../db/storage-faults';
import { asError } from './use-live-query';

export type OpenState =
  | { status: 'opening' }
  | { status: 'open' }
  | { status: 'error'; error: Error };

export function useDatabaseOpen(db: PaperQueueDB): OpenState {
  const [state, setState] = useState<OpenState>({ status: 'opening' });
  useEffect(() => {
    let live = true;
    const opened = () => live && setState({ status: 'open' });
    openOrExplain(db).then(opened, (error: unknown) => {
      if (!live) return;
      setState({ status: 'error', error: asError(error) });
      // A blocked upgrade finishes once the older page closes: then show the queue.
      if (error instanceof UpgradeBlockedError) void db.open().then(opened, () => {});
    });
    return () => {
      live = false;
    };
  }, [db]);
  return state;
}
