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
import type { SnapshotSummary } from '../shared/transfer-types';
import type { PaperQueueDB, SnapshotRecord } from './database';
import { readBackupFrom, snapshotText } from './migration-snapshot';
import { type ImportOutcome, replaceWithBackup } from './transfer';

/** How many snapshots of each kind are kept; older ones are deleted. */
export const KEEP: Record<SnapshotRecord['reason'], number> = {
  daily: 7,
  migration: 5,
  manual: 10,
  import: 5,
  restore: 5,
};

export type SnapshotInfo = SnapshotSummary;

export async function takeSnapshot(
  db: PaperQueueDB,
  reason: SnapshotRecord['reason'],
  now = Date.now(),
): Promise<number> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    const backup = await readBackupFrom(db.papers, db.marks, now);
    const id = await db.snapshots.add({ createdAt: now, reason, backup: snapshotText(backup) });
    await prune(db, reason);
    return id as number;
  });
}

async function prune(db: PaperQueueDB, reason: SnapshotRecord['reason']) {
  const ofReason = await db.snapshots
    .orderBy('createdAt')
    .filter((s) => s.reason === reason)
    .primaryKeys();
  const excess = ofReason.length - KEEP[reason];
  if (excess > 0) await db.snapshots.bulkDelete(ofReason.slice(0, excess) as number[]);
}

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
  await takeSnapshot(db, 'daily', now);
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
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    const snapshot = await db.snapshots.get(id);
    if (!snapshot) throw new SnapshotError(`No snapshot ${id}: nothing was changed.`);
    const parsed = parseBackup(snapshot.backup);
    if (!parsed.ok) throw new SnapshotError(`Snapshot ${id} is damaged (${parsed.error}).`);
    await takeSnapshot(db, 'restore', now);
    return replaceWithBackup(db, parsed.value, now);
  });
}
