/**
 * The text of a snapshot, and the snapshot every schema upgrade takes first. Kept apart from
 * snapshots.ts so that opening the database (popup, library page) does not pull in the
 * import validators, and free of database.ts so that opening it imports nothing that
 * imports it back.
 */
import type { Transaction } from 'dexie';
import { type Backup, type BackupPaper, buildBackup } from '../shared/backup/format';
import type { SnapshotRecord } from './database';
import { completeMark, type MarkRecord, type PaperRecord, toBackupMark } from './records';

/** Every paper and every mark, read from the given tables (also inside a schema upgrade). */
export async function readBackupFrom(
  papers: { toArray(): Promise<PaperRecord[]> },
  marks: { toArray(): Promise<MarkRecord[]> },
  now: number,
): Promise<Backup> {
  const [paperRecords, markRecords] = await Promise.all([papers.toArray(), marks.toArray()]);
  return buildBackup(
    paperRecords as BackupPaper[],
    markRecords.map((m) => toBackupMark(completeMark(m))),
    now,
  );
}

/**
 * The user's data: every mark and what we know of those papers. Metadata of papers the user
 * never marked is left out (the site tells it again on the next visit): with a year of
 * browsing it would be most of each snapshot. So are summaries, for the same reason (the
 * site and the paper API give them again; a restore keeps the ones the database has): they
 * were three quarters of a snapshot of the whole corpus, 90 MB a day at 50,000 papers.
 * Compact JSON, for the same reason. (The JSON export keeps everything.)
 */
export function snapshotText(backup: Backup): string {
  const marked = new Set(backup.marks.map((m) => m.id));
  const papers = backup.papers
    .filter((p) => marked.has(p.id))
    .map(({ summary: _summary, aiSummary: _ai, ...paper }) => paper);
  return JSON.stringify({ ...backup, papers });
}

/**
 * Called first in every `.upgrade()`: copies the data as it was before the migration, in the
 * same versionchange transaction, so the copy and the migration commit or fail together and
 * no other context can write in between.
 */
export async function snapshotBeforeUpgrade(tx: Transaction, now = Date.now()): Promise<void> {
  const backup = await readBackupFrom(
    tx.table<PaperRecord, string>('papers'),
    tx.table<MarkRecord, string>('marks'),
    now,
  );
  await tx
    .table<SnapshotRecord, number>('snapshots')
    .add({ createdAt: now, reason: 'migration', backup: snapshotText(backup) });
}
