/**
 * The extension's database. Opened only in the extension's own origin (background and
 * extension pages): IndexedDB opened from a content script would be huggingface.co's.
 *
 * Two tables keep what we learn apart from what the user decided, so refreshing a paper's
 * metadata can never overwrite a decision:
 * - `papers`: metadata seen on the site, keyed by arXiv id.
 * - `marks`: the user's decisions. Timestamps double as flags (0 = not saved / unread)
 *   because IndexedDB cannot index booleans or null.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { PaperMeta } from '../shared/model';
import { snapshotBeforeUpgrade } from './migration-snapshot';
import { trackBlockedUpgrade } from './storage-faults';

export interface PaperRecord extends PaperMeta {
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface MarkRecord {
  id: string;
  /** When the paper was saved to the queue; 0 when it is not saved. */
  savedAt: number;
  /** When the paper was marked read; 0 when it is unread. */
  readAt: number;
  /** When the user last changed this record: newer decisions win when merging. */
  updatedAt: number;
  /** When the paper was pinned to the top of the queue; 0 when it is not pinned. (v2) */
  pinnedAt: number;
  /** The user's tags, lower-cased and trimmed; indexed multi-entry. (v2) */
  tags: string[];
  /** The user's note; '' when there is none. (v2) */
  note: string;
  /** When the user last opened the paper's own page; absent when never. (not indexed) */
  openedAt?: number;
}

/** A full copy of the user's data, taken automatically (before migrations, daily). (v2) */
export interface SnapshotRecord {
  id?: number;
  createdAt: number;
  reason: 'migration' | 'daily' | 'manual';
  /** The JSON backup text (the same format as the export), so restoring is an import. */
  backup: string;
}

/** A mark as it is before the user decided anything: what a missing record means. */
export function emptyMark(id: string): MarkRecord {
  return { id, savedAt: 0, readAt: 0, updatedAt: 0, pinnedAt: 0, tags: [], note: '' };
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
  return db;
}
