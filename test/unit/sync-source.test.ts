// Merging another device's decisions (src/db/sync-source.ts mergeRemote): a merge that names
// a good share of the table reads the whole table at once, a smaller one reads its marks one
// by one; either way the same decisions win.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents } from '../../src/db/marks';
import { completeMark } from '../../src/db/records';
import { mergeRemote } from '../../src/db/sync-source';
import type { SyncDecision } from '../../src/shared/sync-format';

const T0 = Date.UTC(2026, 11, 1);
const paper = (month: string, n: number) => `${month}.${String(n).padStart(5, '0')}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const dbs: PaperQueueDB[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe.each([
  ['the whole table', 0],
  ['its marks one by one', 5_000],
])('a merge of 1,200 decisions, reading %s', (_, unrelated) => {
  it('takes the later decisions, keeps later ones of its own, and adds papers', async () => {
    const db = openDatabase(`sync-source-${crypto.randomUUID()}`);
    dbs.push(db);
    // 600 papers read here at T0; and papers the merge does not name, which make the table
    // large next to the merge.
    await applyIntents(
      db,
      Object.fromEntries(range(600).map((i) => [paper('2501', i), { read: true }])),
      T0,
      T0,
    );
    if (unrelated > 0) {
      await applyIntents(
        db,
        Object.fromEntries(range(unrelated).map((i) => [paper('2502', i), { saved: true }])),
        T0,
        T0,
      );
    }
    // "Unread" for those 600, before T0 for even ones and after it for odd ones; and 600
    // papers this device never marked, saved.
    const decisions: SyncDecision[] = [
      ...range(600).map((i) => ({
        id: paper('2501', i),
        field: 'readAt' as const,
        stamp: 0,
        clock: i % 2 === 0 ? T0 - 1000 : T0 + 1000,
      })),
      ...range(600).map((i) => ({
        id: paper('2503', i),
        field: 'savedAt' as const,
        stamp: T0 + 1000,
        clock: T0 + 1000,
      })),
    ];
    const merged = await mergeRemote(db, 'desktop1', decisions, T0 + 2000);

    expect(Object.keys(merged.changed)).toHaveLength(900);
    expect(merged.newlySaved).toHaveLength(600);
    expect(merged.replacedOwn).toBe(300);
    for (const i of range(600)) {
      const mark = completeMark((await db.marks.get(paper('2501', i))) ?? { id: '' });
      if (i % 2 === 0) {
        expect(mark.readAt).toBe(T0);
        expect(mark.origin).toBeUndefined();
      } else {
        expect(mark.readAt).toBe(0);
        expect(mark.origin).toEqual({ readAt: 'desktop1' });
      }
      const added = await db.marks.get(paper('2503', i));
      expect(added?.savedAt).toBe(T0 + 1000);
      expect(added?.origin).toEqual({ savedAt: 'desktop1' });
    }
    expect(await db.marks.count()).toBe(1200 + unrelated);
  });
});

describe('a merge of a state already merged (every sync after the first)', () => {
  it('changes nothing it holds, and still takes what is newer', async () => {
    const db = openDatabase(`sync-source-${crypto.randomUUID()}`);
    dbs.push(db);
    await applyIntents(
      db,
      Object.fromEntries(range(1200).map((i) => [paper('2501', i), { read: true }])),
      T0,
      T0,
    );
    const state: SyncDecision[] = range(1200).map((i) => ({
      id: paper('2501', i),
      field: 'savedAt',
      stamp: T0 + 1000,
      clock: T0 + 1000,
    }));
    expect(Object.keys((await mergeRemote(db, 'desktop1', state, T0 + 2000)).changed)).toHaveLength(
      1200,
    );
    const before = await db.marks.toArray();

    // The same state again, with an older "unread" it lost to and a read it already holds.
    const again = await mergeRemote(
      db,
      'desktop1',
      [
        ...state,
        { id: paper('2501', 0), field: 'readAt', stamp: 0, clock: T0 - 1 },
        { id: paper('2501', 1), field: 'readAt', stamp: T0, clock: T0 },
      ],
      T0 + 3000,
    );
    expect(again).toEqual({ changed: {}, newlySaved: [], replacedOwn: 0 });
    expect(await db.marks.toArray()).toEqual(before);

    // The same value decided later still moves the clock (and who tells it); a new pin lands.
    const later = await mergeRemote(
      db,
      'laptop2',
      [
        { id: paper('2501', 2), field: 'savedAt', stamp: T0 + 1000, clock: T0 + 5000 },
        { id: paper('2501', 3), field: 'pinnedAt', stamp: T0 + 5000, clock: T0 + 5000 },
      ],
      T0 + 6000,
    );
    expect(Object.keys(later.changed).sort()).toEqual([paper('2501', 2), paper('2501', 3)]);
    const moved = completeMark((await db.marks.get(paper('2501', 2))) ?? { id: '' });
    expect(moved.clock.savedAt).toBe(T0 + 5000);
    expect(moved.origin).toEqual({ savedAt: 'laptop2' });
    expect((await db.marks.get(paper('2501', 3)))?.pinnedAt).toBe(T0 + 5000);
  });
});
