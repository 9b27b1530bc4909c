/**
 * Builds an export file of a scope in a format: where it is delivered, the background
 * (Firefox downloads) or the page itself (Chrome downloads, and every Copy: a file of the
 * whole corpus is larger than the 64 MiB a message or a data: URL may carry). The same pure
 * exporters either way; long reads say how far they got and stop when cancelled.
 *
 * A page whose library has streamed in (src/ui/queue/queue-source.ts) hands its saved papers
 * over: every format but the JSON backup (which needs summaries and each decision's clock)
 * is then written from memory, with only unsaved marks read (for "everything").
 */
import { toBackupJson } from '../shared/backup/format';
import type { ExportEntry } from '../shared/export/entry';
import {
  type ExportFormat,
  type ExportScope,
  exportFileName,
  FORMAT_INFO,
} from '../shared/export/formats';
import { renderEntries } from '../shared/export/render';
import { type Job, UNWATCHED } from '../shared/jobs';
import { hasRules, type Rules } from '../shared/rules';
import type { TextFile } from '../shared/transfer-types';
import type { PaperQueueDB } from './database';
import type { QueueEntry } from './queue';
import { queueOrder } from './records';
import { loadExportEntries, readBackup, toExportEntry } from './transfer';

export interface ExportFile extends TextFile {
  count: number;
}

/** Every saved paper, as a page holds them (summaries are not needed but by the backup). */
export type SavedPapers = readonly QueueEntry[];

function inScope(entry: QueueEntry, scope: ExportScope): boolean {
  switch (scope.kind) {
    case 'queue':
      return entry.readAt === 0;
    case 'read':
      return entry.readAt > 0;
    case 'tag':
      return entry.tags.includes(scope.tag);
    default:
      return true;
  }
}

const fromQueue = (entry: QueueEntry): ExportEntry => ({
  id: entry.id,
  title: entry.title,
  authors: entry.authors,
  publishedAt: entry.publishedAt,
  savedAt: entry.savedAt,
  readAt: entry.readAt,
  tags: entry.tags,
  note: entry.note,
});

/** The scope's entries from the saved papers in memory (plus unsaved marks for everything). */
async function entriesFrom(
  db: PaperQueueDB,
  saved: SavedPapers,
  scope: ExportScope,
  job: Job,
): Promise<ExportEntry[]> {
  const chosen = saved.filter((entry) => inScope(entry, scope));
  if (scope.kind === 'everything') {
    job.report('Reading marks of papers not saved', 0, 0);
    const unsaved = await db.transaction('r', db.marks, db.papers, async () => {
      const marks = await db.marks.where('savedAt').equals(0).toArray();
      const papers = await db.papers.bulkGet(marks.map((m) => m.id));
      return marks.map((mark, i) => ({ ...mark, paper: papers[i] }));
    });
    job.check();
    const all = [
      ...chosen.map((entry) => ({ entry: fromQueue(entry), order: entry })),
      ...unsaved.map(({ paper, ...mark }) => ({
        entry: toExportEntry(mark, paper),
        order: { id: mark.id, savedAt: 0, readAt: mark.readAt, pinnedAt: mark.pinnedAt ?? 0 },
      })),
    ];
    const compare = queueOrder();
    return all.sort((a, b) => compare(a.order, b.order)).map((item) => item.entry);
  }
  return [...chosen].sort(queueOrder()).map(fromQueue);
}

export async function buildExportFile(
  db: PaperQueueDB,
  scope: ExportScope,
  format: ExportFormat,
  now: number,
  job: Job = UNWATCHED,
  saved?: SavedPapers,
  rules?: Rules,
): Promise<ExportFile> {
  const filename = exportFileName(scope, format, new Date(now));
  const { mime } = FORMAT_INFO[format];
  if (format === 'json') {
    const backup = await readBackup(db, scope, now, job);
    // A backup keeps the mute and highlight rules too (they are settings, not in the database).
    if (rules && hasRules(rules)) backup.rules = rules;
    job.report('Writing the file', 0, 0);
    job.check();
    const text = toBackupJson(backup);
    job.check();
    return { filename, mime, text, count: backup.marks.length };
  }
  const entries = saved
    ? await entriesFrom(db, saved, scope, job)
    : await loadExportEntries(db, scope, job);
  job.report('Writing the file', 0, 0);
  job.check();
  const text = renderEntries(format, entries);
  job.check();
  return { filename, mime, text, count: entries.length };
}
