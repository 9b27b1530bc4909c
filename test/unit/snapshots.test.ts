// Snapshots: one before a schema migration, a rolling daily one (last 7 kept), restore.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { recordSeen } from '../../src/db/marks';
import {
  ensureDailySnapshot,
  listSnapshots,
  restoreSnapshot,
  takeSnapshot,
} from '../../src/db/snapshots';
import { parseBackup } from '../../src/shared/backup/parse-backup';
import { markPaper } from '../support/decisions';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date(2026, 0, 10, 12).getTime();

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`snapshots-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('the migration snapshot', () => {
  it('keeps the version 1 data as it was, taken inside the upgrade', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ papers: 'id, lastSeenAt', marks: 'id, savedAt, readAt, updatedAt' });
    await v1
      .table('papers')
      .put({ id: '2407.21783', title: 'Llama', firstSeenAt: 1, lastSeenAt: 2 });
    await v1.table('marks').put({ id: '2407.21783', savedAt: 10, readAt: 0, updatedAt: 10 });
    v1.close();
    const upgraded = openDatabase(name);
    const [snapshot] = await upgraded.snapshots.toArray();
    expect(snapshot?.reason).toBe('migration');
    const parsed = parseBackup(snapshot?.backup ?? '');
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        papers: [{ id: '2407.21783', title: 'Llama' }],
        marks: [{ id: '2407.21783', savedAt: 10, pinnedAt: 0, tags: [], note: '' }],
      },
    });
    await upgraded.delete();
  });

  it('is not taken when a new database is created', async () => {
    expect(await db.snapshots.count()).toBe(0);
  });
});

describe('daily snapshots', () => {
  it('takes one a day while there is something to keep, and keeps the last 7', async () => {
    expect(await ensureDailySnapshot(db, T0)).toBe(false); // empty database
    await markPaper(db, { id: '2407.21783', saved: true }, T0);
    expect(await ensureDailySnapshot(db, T0)).toBe(true);
    expect(await ensureDailySnapshot(db, T0 + 1000)).toBe(false); // same day
    for (let day = 1; day <= 9; day++) await ensureDailySnapshot(db, T0 + day * DAY);
    const daily = (await listSnapshots(db)).filter((s) => s.reason === 'daily');
    expect(daily).toHaveLength(7);
    expect(daily[0]).toMatchObject({ createdAt: T0 + 9 * DAY, marks: 1 });
    expect(daily.at(-1)?.createdAt).toBe(T0 + 3 * DAY);
  });
});

describe('restoring a snapshot', () => {
  it('makes the database what it was, after keeping the present as a manual snapshot', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, T0);
    const id = await takeSnapshot(db, 'daily', T0);
    await markPaper(db, { id: '2407.21783', saved: false }, T0 + 1);
    await markPaper(db, { id: '2407.21770', saved: true }, T0 + 2);
    const outcome = await restoreSnapshot(db, id, T0 + 3);
    // 21783 comes back (removed since), 21770 goes (saved since): both as decisions made now.
    expect(outcome.report).toEqual({ added: 1, updated: 0, unchanged: 0, removed: 1 });
    expect(outcome.changed).toEqual({
      '2407.21783': { saved: true, read: false, v: T0 + 3 },
      '2407.21770': { saved: false, read: false, v: T0 + 3 },
    });
    const saved = (await db.marks.toArray()).filter((m) => m.savedAt > 0);
    expect(saved.map((m) => [m.id, m.savedAt])).toEqual([['2407.21783', T0]]);
    const [undo] = await listSnapshots(db);
    expect(undo).toMatchObject({ reason: 'restore', marks: 2 });
    // The restore itself can be undone.
    await restoreSnapshot(db, undo?.id as number, T0 + 4);
    expect(await db.marks.where('savedAt').above(0).count()).toBe(1);
    expect((await db.marks.get('2407.21770'))?.savedAt).toBe(T0 + 2);
  });

  it('keeps only marked papers in a snapshot, and keeps other metadata on restore', async () => {
    await recordSeen(db, [
      { id: '2407.21783', title: 'Llama' },
      { id: '2407.21770', title: 'MoMa' },
    ]);
    await markPaper(db, { id: '2407.21783', saved: true }, T0);
    const id = await takeSnapshot(db, 'manual', T0);
    const text = (await db.snapshots.get(id))?.backup ?? '';
    expect(parseBackup(text)).toMatchObject({
      ok: true,
      value: { papers: [{ id: '2407.21783' }] },
    });
    await restoreSnapshot(db, id, T0 + 1);
    expect((await db.papers.toArray()).map((p) => p.title).sort()).toEqual(['Llama', 'MoMa']);
  });

  it('refuses an unknown snapshot and changes nothing', async () => {
    await markPaper(db, { id: '2407.21783', saved: true }, T0);
    await expect(restoreSnapshot(db, 999)).rejects.toThrow(/No snapshot 999/);
    expect(await db.marks.count()).toBe(1);
    expect(await db.snapshots.count()).toBe(0);
  });
});
