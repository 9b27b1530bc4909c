/**
 * Writes the seen record (src/shared/seen.ts) in storage.local: the background is its only
 * writer, and the caller runs one write at a time, so papers two tabs saw at once are both
 * kept. Content scripts read it at document_start.
 */
import browser from 'webextension-polyfill';
import { addSeen, readSeenRecord, SEEN_KEY } from '../shared/seen';

interface Storage {
  get: (keys: string) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
}

export async function rememberSeen(
  ids: readonly string[],
  now: number,
  storage: Storage = browser.storage.local,
): Promise<void> {
  if (ids.length === 0) return;
  const stored = readSeenRecord((await storage.get(SEEN_KEY))[SEEN_KEY]);
  await storage.set({ [SEEN_KEY]: addSeen(stored, ids, now) });
}
