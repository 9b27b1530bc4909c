/** What the library says about where the data lives: counts, and the browser's answers. */
import browser from 'webextension-polyfill';
import { countSaved } from '../db/counts';
import type { PaperQueueDB } from '../db/database';

export interface DataCounts {
  /** Papers seen on Daily Papers (their titles and authors are kept). */
  papers: number;
  saved: number;
  /** Saved and read. */
  savedRead: number;
  /** Marked read without being saved (so the listing can hide them). */
  readOnly: number;
  tagged: number;
  pinned: number;
}

/** Counts over the indexes, so they stay cheap at 10,000 papers. */
export async function countData(db: PaperQueueDB): Promise<DataCounts> {
  return db.transaction('r', db.papers, db.marks, async () => {
    const { saved, read, savedRead } = await countSaved(db);
    return {
      papers: await db.papers.count(),
      saved,
      savedRead,
      readOnly: read - savedRead,
      tagged: await db.marks.where('tags').notEqual('').distinct().count(),
      pinned: await db.marks.where('pinnedAt').above(0).count(),
    };
  });
}

export type PersistState = 'checking' | 'granted' | 'refused' | 'unsupported';

/**
 * Asks the browser to keep our storage under pressure. Only extension pages can ask (not the
 * service worker). Firefox may ask the user; Chrome decides by itself (and often says no).
 */
export async function requestPersistence(): Promise<PersistState> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await storage.persisted()) return 'granted';
  return (await storage.persist()) ? 'granted' : 'refused';
}

/**
 * Whether the data is safe from the browser's clean-up when the disk runs low:
 * `persistent` (the browser agreed to keep it), `exempt` (Chrome and other Chromium browsers
 * never evict an extension that holds the `unlimitedStorage` permission, whatever persist()
 * answered), `at-risk`, or `unknown` (the browser does not say).
 */
export type Safety = 'checking' | 'persistent' | 'exempt' | 'at-risk' | 'unknown';

export function safetyOf(persist: PersistState, chromiumUnlimited: boolean): Safety {
  if (persist === 'checking') return 'checking';
  if (persist === 'granted') return 'persistent';
  if (chromiumUnlimited) return 'exempt';
  return persist === 'refused' ? 'at-risk' : 'unknown';
}

/** True in a Chromium browser (no runtime.getBrowserInfo, which only Firefox has) with unlimitedStorage. */
export async function isChromiumUnlimited(): Promise<boolean> {
  const runtime = browser.runtime as { getBrowserInfo?: unknown };
  if (typeof runtime.getBrowserInfo === 'function') return false;
  try {
    return await browser.permissions.contains({ permissions: ['unlimitedStorage'] });
  } catch {
    return false;
  }
}

export async function estimateUsage(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}
