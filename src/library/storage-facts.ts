/** What the library says about where the data lives: counts, and the browser's answers. */
import type { PaperQueueDB } from '../db/database';

export interface DataCounts {
  papers: number;
  saved: number;
  read: number;
  tagged: number;
  pinned: number;
}

/** Counts over the indexes only, so they stay cheap at 10,000 papers. */
export async function countData(db: PaperQueueDB): Promise<DataCounts> {
  return db.transaction('r', db.papers, db.marks, async () => ({
    papers: await db.papers.count(),
    saved: await db.marks.where('savedAt').above(0).count(),
    read: await db.marks.where('readAt').above(0).count(),
    tagged: await db.marks.where('tags').notEqual('').distinct().count(),
    pinned: await db.marks.where('pinnedAt').above(0).count(),
  }));
}

export type PersistState = 'checking' | 'granted' | 'refused' | 'unsupported';

/**
 * Asks the browser to keep our storage under pressure. Only extension pages can ask (not the
 * service worker). Chrome usually grants it to extensions; Firefox may ask the user.
 */
export async function requestPersistence(): Promise<PersistState> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await storage.persisted()) return 'granted';
  return (await storage.persist()) ? 'granted' : 'refused';
}

export async function estimateUsage(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}
