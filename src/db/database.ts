/**
 * The extension's database. Opened only in the extension's own origin (background and
 * extension pages): IndexedDB opened from a content script would be huggingface.co's.
 *
 * Two tables keep what we learn apart from what the user decided, so refreshing a paper's
 * metadata can never overwrite a decision:
 * - `papers`: metadata seen on the site, keyed by arXiv id.
 * - `marks`: the user's decisions (their shape and rules: records.ts). Timestamps double as
 *   flags (0 = not saved / unread) because IndexedDB cannot index booleans or null.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { SnapshotReason } from '../shared/transfer-types';
import { snapshotBeforeUpgrade } from './migration-snapshot';
import { completeMark, type MarkRecord, type PaperRecord } from './records';
import { trackBlockedUpgrade } from './storage-faults';

export type { MarkRecord, PaperRecord } from './records';

/** A full copy of the user's data, taken automatically (before migrations, daily). (v2) */
export interface SnapshotRecord {
  id?: number;
  createdAt: number;
  reason: SnapshotReason;
  /** The JSON backup text (the same format as the export), so restoring is an import. */
  backup: string;
}

export type PaperQueueDB = Dexie & {
  papers: EntityTable<PaperRecord, 'id'>;
  marks: EntityTable<MarkRecord, 'id'>;
  snapshots: EntityTable<SnapshotRecord, 'id'>;
};

export const DATABASE_NAME = 'paper-queue';

/**
 * Opens the database. Every schema version stays declared forever, so any older database
 * upgrades step by step. Add a version; never edit one that has shipped. Every `.upgrade()`
 * starts with `snapshotBeforeUpgrade(tx)`, so the data as it was before is kept (Dexie runs
 * upgrade functions only for an existing database, never for a new one).
 */
export function openDatabase(name = DATABASE_NAME, options?: DexieOptions): PaperQueueDB {
  const db = new Dexie(name, options) as PaperQueueDB;
  // Another context (a newer version after an update) wants to upgrade: step aside rather
  // than block it. Dexie reopens on the next use, at the new version.
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: false });
    return false;
  });
  trackBlockedUpgrade(db);
  db.version(1).stores({
    papers: 'id, lastSeenAt',
    marks: 'id, savedAt, readAt, updatedAt',
  });
  db.version(2)
    .stores({
      marks: 'id, savedAt, readAt, updatedAt, pinnedAt, *tags',
      snapshots: '++id, createdAt',
    })
    .upgrade(async (tx) => {
      await snapshotBeforeUpgrade(tx);
      await tx
        .table<MarkRecord, string>('marks')
        .toCollection()
        .modify((mark) => {
          mark.pinnedAt ??= 0;
          mark.tags ??= [];
          mark.note ??= '';
        });
    });
  // v3: each decision keeps when it was made (`clock`), so the later decision wins field by
  // field; until now each field counts as decided when the mark last changed.
  db.version(3)
    .stores({})
    .upgrade(async (tx) => {
      await snapshotBeforeUpgrade(tx);
      await tx
        .table<MarkRecord, string>('marks')
        .toCollection()
        .modify((mark) => {
          Object.assign(mark, completeMark(mark));
        });
    });
  return db;
}
