// Writers racing on one database: the later decision wins, whatever order they commit in,
// and changes to different papers (or different marks of one) never overwrite each other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents } from '../../src/db/marks';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`writers-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const ID = '2407.21783';

describe('many writers', () => {
  it('keeps the later decision when an earlier one commits after it, and the version rising', async () => {
    await applyIntents(db, { [ID]: { saved: true } }, 200, 200);
    const late = await applyIntents(db, { [ID]: { saved: false } }, 100, 250);
    expect(late.changed).toEqual({});
    expect(await db.marks.get(ID)).toMatchObject({ savedAt: 200, updatedAt: 200 });
    await applyIntents(db, { [ID]: { read: true } }, 150, 300);
    expect(await db.marks.get(ID)).toMatchObject({ savedAt: 200, readAt: 150, updatedAt: 300 });
  });

  it('applies every one of many simultaneous changes to different papers and marks', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `2408.${String(i).padStart(5, '0')}`);
    await Promise.all(
      ids.flatMap((id, i) => [
        applyIntents(db, { [id]: { saved: true } }, 1000 + i, 3000),
        applyIntents(db, { [id]: { read: i % 2 === 0 } }, 1000 + i, 3000),
        applyIntents(db, { [ids[(i + 1) % ids.length] as string]: { saved: true } }, 2000, 3000),
      ]),
    );
    const marks = await db.marks.bulkGet(ids);
    for (const [i, mark] of marks.entries()) {
      expect(mark?.savedAt).toBeGreaterThan(0);
      expect((mark?.readAt ?? 0) > 0).toBe(i % 2 === 0);
    }
  });

  it('ends on the latest decision of each field, in any commit order', async () => {
    const decisions = [
      { at: 5, intent: { saved: true } },
      { at: 9, intent: { saved: false } },
      { at: 7, intent: { saved: true } },
      { at: 3, intent: { read: true } },
      { at: 8, intent: { read: false } },
      { at: 6, intent: { read: true } },
    ];
    for (const order of [decisions, [...decisions].reverse()]) {
      await db.marks.clear();
      await Promise.all(order.map((d) => applyIntents(db, { [ID]: d.intent }, d.at, 100)));
      expect(await db.marks.get(ID)).toMatchObject({ savedAt: 0, readAt: 0 });
    }
  });
});
