/**
 * Automatic backups kept in the database's `snapshots` table: one before every schema
 * migration (taken inside the upgrade transaction, see migration-snapshot.ts), a rolling
 * daily one, and one before every import and restore. Each holds the JSON backup text, so the same
 * validated parser reads it back.
 *
 * Restoring replaces every mark with the snapshot's (a merge could not bring back a paper
 * removed since, because the removal is newer) and puts back its papers' metadata, after
 * snapshotting the present, so a restore can itself be undone.
 */

import { parseBackup } from '../shared/backup/parse-backup';
import { type Job, UNWATCHED } from '../shared/jobs';
import type { SnapshotSummary } from '../shared/transfer-types';
import type { PaperQueueDB } from './database';
import { presentText, storeSnapshot, takeSnapshot } from './snapshot-store';
import { type ImportOutcome, replaceWithBackup } from './transfer';

export { KEEP, takeSnapshot } from './snapshot-store';

export type SnapshotInfo = SnapshotSummary;

function localDay(stamp: number): string {
  const date = new Date(stamp);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * Takes today's snapshot unless there is one already, or there is nothing to back up.
 * Cheap to call often: the background calls it at start-up and after writes.
 */
export async function ensureDailySnapshot(db: PaperQueueDB, now = Date.now()): Promise<boolean> {
  const latest = await db.snapshots
    .orderBy('createdAt')
    .reverse()
    .filter((s) => s.reason === 'daily')
    .first();
  if (latest && localDay(latest.createdAt) === localDay(now)) return false;
  if ((await db.marks.count()) === 0) return false;
  // Read in a read-only transaction, stored in another one: at the whole corpus the reading
  // takes seconds, and a popup opening meanwhile must not wait for it (a read-write
  // transaction on the papers would hold it up). The text is the present as of its read.
  await storeSnapshot(db, 'daily', await presentText(db, now), now);
  return true;
}

/** Newest first, without the backup text. */
export async function listSnapshots(db: PaperQueueDB): Promise<SnapshotInfo[]> {
  const infos: SnapshotInfo[] = [];
  await db.snapshots
    .orderBy('createdAt')
    .reverse()
    .each((s) => {
      infos.push({
        id: s.id as number,
        createdAt: s.createdAt,
        reason: s.reason,
        size: s.backup.length,
        marks: countMarks(s.backup),
      });
    });
  return infos;
}

/** Counts marks without parsing the whole text: each mark record has one "updatedAt". */
function countMarks(backup: string): number {
  return backup.split('"updatedAt"').length - 1;
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Replaces the database with a snapshot, after snapshotting the present (reason `manual`). */
export async function restoreSnapshot(
  db: PaperQueueDB,
  id: number,
  now = Date.now(),
  job: Job = UNWATCHED,
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    job.report('Reading the backup', 0, 0);
    const snapshot = await db.snapshots.get(id);
    if (!snapshot) throw new SnapshotError(`No snapshot ${id}: nothing was changed.`);
    const parsed = parseBackup(snapshot.backup);
    if (!parsed.ok) throw new SnapshotError(`Snapshot ${id} is damaged (${parsed.error}).`);
    job.check();
    await takeSnapshot(db, 'restore', now, job);
    return replaceWithBackup(db, parsed.value, now, job);
  });
}
