import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeText, countUnreadSaved, refreshBadge } from '../../src/background/badge';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { markPapers } from '../support/decisions';
import { fakeBrowser } from '../support/fake-browser';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`badge-${crypto.randomUUID()}`);
  fakeBrowser.reset();
});
afterEach(() => db.delete());

describe('the toolbar badge', () => {
  it('counts saved papers that are still unread', async () => {
    await markPapers(
      db,
      {
        '2501.00001': { saved: true },
        '2501.00002': { saved: true, read: true },
        '2501.00003': { read: true },
        '2501.00004': { saved: true },
      },
      1_000,
    );
    expect(await countUnreadSaved(db)).toBe(2);
    await refreshBadge(db);
    expect(fakeBrowser.action.badge.text).toBe('2');
  });

  it('shows nothing for an empty queue and caps long counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(12345)).toBe('999+');
  });
});
