// Reads the marks table straight from IndexedDB, from an extension page (popup, library):
// what the database really holds, not what any view shows.
import type { Page } from 'playwright-core';

export interface StoredMark {
  id: string;
  savedAt: number;
  readAt: number;
  pinnedAt?: number;
  updatedAt: number;
}

/**
 * Runs in an extension context (a page through Playwright's or Puppeteer's evaluate, or the
 * service worker), so it names nothing from this module. With `ids`, only those papers'.
 */
export function readMarksInPage(ids?: string[]): Promise<StoredMark[]> {
  return new Promise<StoredMark[]>((resolve, reject) => {
    const open = indexedDB.open('paper-queue');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('marks').objectStore('marks');
      const done = (marks: StoredMark[]) => {
        open.result.close();
        resolve(marks);
      };
      if (!ids) {
        const request = store.getAll();
        request.onsuccess = () => done(request.result);
        request.onerror = () => reject(request.error);
        return;
      }
      const found: StoredMark[] = [];
      let left = ids.length;
      if (left === 0) done(found);
      for (const id of ids) {
        const request = store.get(id);
        request.onsuccess = () => {
          if (request.result) found.push(request.result);
          if (--left === 0) done(found);
        };
        request.onerror = () => reject(request.error);
      }
    };
  });
}

export async function storedMarks(page: Page): Promise<StoredMark[]> {
  return page.evaluate(readMarksInPage, undefined);
}

/** Saved / read per paper id, as stored. */
export async function storedStates(
  page: Page,
): Promise<Record<string, { saved: boolean; read: boolean }>> {
  return Object.fromEntries(
    (await storedMarks(page)).map((m) => [m.id, { saved: m.savedAt > 0, read: m.readAt > 0 }]),
  );
}
