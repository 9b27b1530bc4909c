/** The Export / Import area as a page mounts it: the transfer section with the user's tags, live. */
import type { PaperQueueDB } from '../../db/database';
import type { sendRequest } from '../../shared/messaging';
import { useLiveQuery } from '../queue/use-live-query';
import { TransferSection } from './TransferSection';

interface Props {
  db: PaperQueueDB;
  send: typeof sendRequest;
  open?: boolean;
}

export function TransferSlot({ db, send, open }: Props) {
  const tags = useLiveQuery(() => db.marks.orderBy('tags').uniqueKeys(), [db]);
  const names = tags.status === 'ready' ? (tags.value as string[]) : [];
  return <TransferSection send={send} tags={names} open={open} />;
}
