// Reads the marks table straight from IndexedDB, from an extension page (popup, library):
// what the database really holds, not what any view shows.
import type { Page } from 'playwright-core';

export interface StoredMark {
  id: string;
  savedAt: number;
  readAt: number;
  updatedAt: number;
}

export async function storedMarks(page: Page): Promise<StoredMark[]> {
  return page.evaluate(
    () =>
      new Promise<StoredMark[]>((resolve, reject) => {
        const open = indexedDB.open('paper-queue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('marks').objectStore('marks').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Saved / read per paper id, as stored. */
export async function storedStates(
  page: Page,
): Promise<Record<string, { saved: boolean; read: boolean }>> {
  return Object.fromEntries(
    (await storedMarks(page)).map((m) => [m.id, { saved: m.savedAt > 0, read: m.readAt > 0 }]),
  );
}
