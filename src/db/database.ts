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
import { Dexie, type EntityTable } from 'dexie';
import type { PaperMeta } from '../shared/model';

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
}

export type PaperQueueDB = Dexie & {
  papers: EntityTable<PaperRecord, 'id'>;
  marks: EntityTable<MarkRecord, 'id'>;
};

export const DATABASE_NAME = 'paper-queue';

export function openDatabase(name = DATABASE_NAME): PaperQueueDB {
  const db = new Dexie(name) as PaperQueueDB;
  db.version(1).stores({
    papers: 'id, lastSeenAt',
    marks: 'id, savedAt, readAt, updatedAt',
  });
  return db;
}
