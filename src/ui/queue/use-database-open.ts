/**
 * Whether the database opened. Asked separately because a Dexie liveQuery never reports a
 * database that fails to open (it waits forever), and that is exactly the case to explain:
 * Firefox with history set to "Never remember" gives extensions no IndexedDB.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import { asError } from './use-live-query';

export type OpenState =
  | { status: 'opening' }
  | { status: 'open' }
  | { status: 'error'; error: Error };

export function useDatabaseOpen(db: PaperQueueDB): OpenState {
  const [state, setState] = useState<OpenState>({ status: 'opening' });
  useEffect(() => {
    let live = true;
    db.open().then(
      () => live && setState({ status: 'open' }),
      (error: unknown) => live && setState({ status: 'error', error: asError(error) }),
    );
    return () => {
      live = false;
    };
  }, [db]);
  return state;
}
