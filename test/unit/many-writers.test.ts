// Writers racing on one database: the decision committed last is the latest by updatedAt,
// and changes to different papers (or different marks of one) never overwrite each other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyManyMarks, applyMarks } from '../../src/db/marks';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`writers-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('many writers', () => {
  it('keeps updatedAt rising when a write that took its time earlier commits later', async () => {
    await applyMarks(db, { id: '2407.21783', saved: true }, 200);
    await applyMarks(db, { id: '2407.21783', saved: false }, 100);
    expect(await db.marks.get('2407.21783')).toMatchObject({ savedAt: 0, updatedAt: 200 });
    await applyManyMarks(db, { '2407.21783': { read: true } }, 150);
    expect(await db.marks.get('2407.21783')).toMatchObject({ updatedAt: 200 });
  });

  it('applies every one of many simultaneous changes to different papers and marks', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `2408.${String(i).padStart(5, '0')}`);
    await Promise.all(
      ids.flatMap((id, i) => [
        applyMarks(db, { id, saved: true }, 1000 + i),
        applyMarks(db, { id, read: i % 2 === 0 }, 1000 + i),
        applyManyMarks(db, { [ids[(i + 1) % ids.length] as string]: { saved: true } }, 2000),
      ]),
    );
    const marks = await db.marks.bulkGet(ids);
    for (const [i, mark] of marks.entries()) {
      expect(mark?.savedAt).toBeGreaterThan(0);
      expect((mark?.readAt ?? 0) > 0).toBe(i % 2 === 0);
    }
  });
});
