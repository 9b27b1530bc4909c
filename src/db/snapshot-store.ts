/**
 * Taking snapshots (the backups list): the present, as backup text, into the snapshots
 * table, and the oldest of a kind pruned. Apart from snapshots.ts (list, restore), which
 * imports the import code, so that imports can snapshot first without an import circle.
 */
import { type Job, UNWATCHED } from '../shared/jobs';
import type { PaperQueueDB, SnapshotRecord } from './database';
import { readBackupFrom, snapshotText } from './migration-snapshot';

/** How many snapshots of each kind are kept; older ones are deleted. */
export const KEEP: Record<SnapshotRecord['reason'], number> = {
  daily: 7,
  migration: 5,
  manual: 10,
  import: 5,
  restore: 5,
};

/** The present as snapshot text, read in one read-only transaction (no writer waits for it). */
export async function presentText(db: PaperQueueDB, now: number): Promise<string> {
  return db.transaction('r', db.papers, db.marks, async () =>
    snapshotText(await readBackupFrom(db.papers, db.marks, now)),
  );
}

/** Stores a snapshot's text and prunes its kind. Inside the caller's transaction, if any. */
export async function storeSnapshot(
  db: PaperQueueDB,
  reason: SnapshotRecord['reason'],
  backup: string,
  now: number,
): Promise<number> {
  return db.transaction('rw', db.snapshots, async () => {
    const id = await db.snapshots.add({ createdAt: now, reason, backup });
    await prune(db, reason);
    return id as number;
  });
}

/**
 * Takes a snapshot of the present. Inside an import's or a restore's transaction (which holds
 * these tables) it is part of it: committed or cancelled with it.
 */
export async function takeSnapshot(
  db: PaperQueueDB,
  reason: SnapshotRecord['reason'],
  now = Date.now(),
  job: Job = UNWATCHED,
): Promise<number> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    job.report('Backing up what you have first', 0, 0);
    const backup = await readBackupFrom(db.papers, db.marks, now);
    job.check();
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
