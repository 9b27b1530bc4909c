/**
 * The Export / Import area as a page mounts it: the transfer section with the user's tags and
 * the size of each export scope, live.
 */
import { useMemo } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import type { ExportScope } from '../../shared/export/formats';
import type { sendRequest } from '../../shared/messaging';
import { useLiveQuery } from '../queue/use-live-query';
import { countScope } from './scope-count';
import { TransferSection } from './TransferSection';

interface Props {
  db: PaperQueueDB;
  send: typeof sendRequest;
  open?: boolean;
}

export function TransferSlot({ db, send, open }: Props) {
  const tags = useLiveQuery(() => db.marks.orderBy('tags').uniqueKeys(), [db]);
  const names = tags.status === 'ready' ? (tags.value as string[]) : [];
  // The newest change to any mark (one index read): a new value re-counts the chosen scope.
  const latest = useLiveQuery(() => db.marks.orderBy('updatedAt').last(), [db]);
  const changed = latest.status === 'ready' ? (latest.value?.updatedAt ?? 0) : -1;
  const count = useMemo(() => (scope: ExportScope) => countScope(db, scope), [db, changed]);
  return <TransferSection send={send} tags={names} open={open} countScope={count} />;
}
