/**
 * The toolbar badge: how many saved papers are still unread. Recomputed from the database
 * after every committed change and when the background starts (a restarted browser shows the
 * right count before any click), so it never drifts from the truth.
 */
import browser from 'webextension-polyfill';
import { countSaved } from '../db/counts';
import type { PaperQueueDB } from '../db/database';

export async function countUnreadSaved(db: PaperQueueDB): Promise<number> {
  const { saved, savedRead } = await countSaved(db);
  return saved - savedRead;
}

export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 999 ? '999+' : String(unread);
}

export async function refreshBadge(db: PaperQueueDB): Promise<void> {
  const text = badgeText(await countUnreadSaved(db));
  await browser.action.setBadgeBackgroundColor({ color: '#d97706' });
  await browser.action.setBadgeText({ text });
}
