/**
 * The Export / Import area as a page mounts it: the transfer section with the user's tags and
 * the size of each export scope, live.
 */
import { useMemo } from 'preact/hooks';
import type { PaperQueueDB } from '../../db/database';
import { buildExportFile } from '../../db/export-file';
import type { ExportFormat, ExportScope } from '../../shared/export/formats';
import type { Job } from '../../shared/jobs';
import type { sendRequest } from '../../shared/messaging';
import { loadSettings } from '../../shared/settings';
import { afterFirstRender, useAfterFirstRender } from '../queue/timing';
import { useLiveQuery } from '../queue/use-live-query';
import { savedPapersOf } from '../queue/use-queue-source';
import { backgroundHasBlobs, downloadFromPage } from './page-download';
import { countScope } from './scope-count';
import { TransferSection } from './TransferSection';

/** Builds an export in this page, from the library it holds when it has streamed in. */
const exportHere =
  (db: PaperQueueDB) => async (scope: ExportScope, format: ExportFormat, job: Job) => {
    const rules = format === 'json' ? (await loadSettings()).rules : undefined;
    return buildExportFile(db, scope, format, Date.now(), job, savedPapersOf(db), rules);
  };

interface Props {
  db: PaperQueueDB;
  send: typeof sendRequest;
  open?: boolean;
}

export function TransferSlot({ db, send, open }: Props) {
  // After the queue's first rows: these reads would hold its first screen back.
  const ready = useAfterFirstRender();
  const tags = useLiveQuery(() => db.marks.orderBy('tags').uniqueKeys(), [db], ready);
  const names = tags.status === 'ready' ? (tags.value as string[]) : [];
  // The newest change to any mark (one index read): a new value re-counts the chosen scope.
  const latest = useLiveQuery(() => db.marks.orderBy('updatedAt').last(), [db], ready);
  const changed = latest.status === 'ready' ? (latest.value?.updatedAt ?? 0) : -1;
  const count = useMemo(
    () => async (scope: ExportScope) => {
      await afterFirstRender();
      return countScope(db, scope);
    },
    [db, changed],
  );
  const here = useMemo(() => exportHere(db), [db]);
  return (
    <TransferSection
      send={send}
      tags={names}
      open={open}
      countScope={count}
      exportHere={here}
      downloadHere={backgroundHasBlobs() ? undefined : downloadFromPage}
    />
  );
}
