/**
 * Tells every open huggingface.co tab that decisions changed. Content scripts cannot watch
 * the database (theirs would be the page's), so the background writes a small notice to
 * `storage.local`; every content script hears it through `storage.onChanged`.
 * Extension pages do not need this: Dexie's liveQuery sees the write directly.
 */
import browser from 'webextension-polyfill';
import { CHANGE_STORAGE_KEY, type ChangeNotice } from '../shared/change-notice';
import type { StateMap } from '../shared/model';

export async function announceChange(states: StateMap): Promise<void> {
  const notice: ChangeNotice = { rev: crypto.randomUUID(), states };
  await browser.storage.local.set({ [CHANGE_STORAGE_KEY]: notice });
}
