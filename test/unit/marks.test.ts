import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMark, openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyMarks, getStates, recordSeen } from '../../src/db/marks';
import { loadQueue } from '../../src/db/queue';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const llama = {
  id: '2407.21783',
  title: 'The Llama 3 Herd of Models',
  authors: ['Abhimanyu Dubey'],
};

describe('recordSeen', () => {
  it('stores metadata and answers unmarked states for new papers', async () => {
    const states = await recordSeen(db, [llama], 1000);
    expect(states).toEqual({ [llama.id]: { saved: false, read: false } });
    expect(await db.papers.get(llama.id)).toEqual({
      ...llama,
      firstSeenAt: 1000,
      lastSeenAt: 1000,
    });
  });

  it('refreshes metadata without erasing known fields or touching decisions', async () => {
    await recordSeen(db, [{ ...llama, upvotes: 90 }], 1000);
    await applyMarks(db, { id: llama.id, saved: true }, 1500);
    const states = await recordSeen(db, [{ id: llama.id, title: 'New title', upvotes: 94 }], 2000);
    expect(states[llama.id]).toEqual({ saved: true, read: false });
    expect(await db.papers.get(llama.id)).toEqual({
      ...llama,
      title: 'New title',
      upvotes: 94,
      firstSeenAt: 1000,
      lastSeenAt: 2000,
    });
    expect(await db.marks.get(llama.id)).toEqual({
      ...emptyMark(llama.id),
      savedAt: 1500,
      updatedAt: 1500,
    });
  });
});

describe('applyMarks', () => {
  it('sets intended values, so applying a change twice is harmless', async () => {
    const first = await applyMarks(db, { id: llama.id, saved: true }, 1000);
    const again = await applyMarks(db, { id: llama.id, saved: true }, 2000);
    expect(first).toEqual({ state: { saved: true, read: false }, changed: true });
    expect(again).toEqual({ state: { saved: true, read: false }, changed: false });
    expect(await db.marks.get(llama.id)).toMatchObject({ savedAt: 1000, updatedAt: 1000 });
  });

  it('records read and saved independently', async () => {
    await applyMarks(db, { id: llama.id, read: true }, 1000);
    await applyMarks(db, { id: llama.id, saved: true }, 2000);
    await applyMarks(db, { id: llama.id, read: false }, 3000);
    expect(await db.marks.get(llama.id)).toEqual({
      ...emptyMark(llama.id),
      savedAt: 2000,
      updatedAt: 3000,
    });
    expect(await getStates(db, [llama.id, '2501.00001'])).toEqual({
      [llama.id]: { saved: true, read: false },
      '2501.00001': { saved: false, read: false },
    });
  });

  it('records the paper it was given along with the decision, in one transaction', async () => {
    await applyMarks(db, { id: llama.id, saved: true, paper: llama }, 1000);
    expect((await db.papers.get(llama.id))?.title).toBe(llama.title);
  });
});

describe('loadQueue', () => {
  it('lists saved papers, unread first, newest saved first', async () => {
    const ids = ['2501.00001', '2501.00002', '2501.00003', '2501.00004'];
    await recordSeen(
      db,
      ids.map((id) => ({ id, title: `Paper ${id}`, publishedAt: '2025-01-02' })),
      1,
    );
    await applyMarks(db, { id: ids[0] as string, saved: true }, 100);
    await applyMarks(db, { id: ids[1] as string, saved: true, read: true }, 200);
    await applyMarks(db, { id: ids[2] as string, saved: true }, 300);
    await applyMarks(db, { id: ids[3] as string, read: true }, 400); // read, never saved
    const queue = await loadQueue(db);
    expect(queue.map((e) => e.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(queue[0]).toMatchObject({
      title: 'Paper 2501.00003',
      publishedAt: '2025-01-02',
      readAt: 0,
    });
  });

  it('shows the id of a saved paper it knows nothing else about', async () => {
    await applyMarks(db, { id: '2501.00009', saved: true }, 1);
    expect((await loadQueue(db))[0]).toMatchObject({
      id: '2501.00009',
      title: '2501.00009',
      authors: [],
    });
  });
});

describe('schema upgrades', () => {
  it('opens a version 1 database under the newest schema with every decision intact', async () => {
    const { Dexie } = await import('dexie');
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ papers: 'id, lastSeenAt', marks: 'id, savedAt, readAt, updatedAt' });
    await v1.table('papers').put({ ...llama, firstSeenAt: 1, lastSeenAt: 2 });
    await v1.table('marks').put({ id: llama.id, savedAt: 10, readAt: 20, updatedAt: 20 });
    v1.close();
    const upgraded = openDatabase(name);
    expect(await upgraded.marks.get(llama.id)).toEqual({
      ...emptyMark(llama.id),
      savedAt: 10,
      readAt: 20,
      updatedAt: 20,
    });
    expect(await upgraded.papers.get(llama.id)).toMatchObject(llama);
    expect(await upgraded.marks.where('tags').equals('x').count()).toBe(0);
    await upgraded.delete();
  });
});

describe('applyManyMarks', () => {
  it('sets intended marks on many papers at once and reports what changed', async () => {
    const { applyManyMarks } = await import('../../src/db/marks');
    await applyMarks(db, { id: '2501.00001', read: true }, 10);
    const result = await applyManyMarks(
      db,
      { '2501.00001': { read: true }, '2501.00002': { read: true, saved: true } },
      20,
    );
    expect(result.states).toEqual({
      '2501.00001': { saved: false, read: true },
      '2501.00002': { saved: true, read: true },
    });
    expect(result.changed).toEqual({ '2501.00002': { saved: true, read: true } });
    expect((await db.marks.get('2501.00001'))?.readAt).toBe(10);
  });
});
