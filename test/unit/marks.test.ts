// Writing and reading the user's decisions in the database (src/db/marks.ts, queue.ts): one
// transaction per call, through the rules of records.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import {
  applyIntents,
  getStates,
  latestVersion,
  recordOpened,
  recordSeen,
  restoreDecisions,
  tagMany,
} from '../../src/db/marks';
import { loadFirstScreen, loadQueue, loadSaved } from '../../src/db/queue';
import { decisionsOf, emptyMark, type Intent } from '../../src/db/records';

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
const A = '2501.00001';
const B = '2501.00002';
const C = '2501.00003';

/** One decision about one paper, made and written at `at`. */
const decide = (id: string, intent: Intent, at: number) =>
  applyIntents(db, { [id]: intent }, at, at);

describe('recordSeen', () => {
  it('stores metadata and answers unmarked states for new papers', async () => {
    const states = await recordSeen(db, [llama], 1000);
    expect(states).toEqual({ [llama.id]: { saved: false, read: false, v: 0 } });
    expect(await db.papers.get(llama.id)).toEqual({
      ...llama,
      firstSeenAt: 1000,
      lastSeenAt: 1000,
    });
  });

  it('refreshes metadata without erasing known fields or touching decisions', async () => {
    await recordSeen(db, [{ ...llama, upvotes: 90 }], 1000);
    await decide(llama.id, { saved: true }, 1500);
    const states = await recordSeen(db, [{ id: llama.id, title: 'New title', upvotes: 94 }], 2000);
    expect(states[llama.id]).toEqual({ saved: true, read: false, v: 1500 });
    expect(await db.papers.get(llama.id)).toEqual({
      ...llama,
      title: 'New title',
      upvotes: 94,
      firstSeenAt: 1000,
      lastSeenAt: 2000,
    });
    expect(await db.marks.get(llama.id)).toMatchObject({ savedAt: 1500, updatedAt: 1500 });
  });
});

describe('applyIntents', () => {
  it('sets intended values, so applying a change twice is harmless', async () => {
    const first = await decide(llama.id, { saved: true }, 1000);
    const again = await applyIntents(db, { [llama.id]: { saved: true } }, 1000, 2000);
    expect(first.changed).toEqual({ [llama.id]: { saved: true, read: false, v: 1000 } });
    expect(first.newlySaved).toEqual([llama.id]);
    expect(again.changed).toEqual({});
    expect(again.states).toEqual(first.changed);
    expect(await db.marks.get(llama.id)).toMatchObject({ savedAt: 1000, updatedAt: 1000 });
  });

  it('records read and saved independently, each version above the last', async () => {
    await decide(llama.id, { read: true }, 1000);
    await decide(llama.id, { saved: true }, 2000);
    await decide(llama.id, { read: false }, 3000);
    expect(await db.marks.get(llama.id)).toMatchObject({
      savedAt: 2000,
      readAt: 0,
      updatedAt: 3000,
    });
    expect(await getStates(db, [llama.id, A])).toEqual({
      [llama.id]: { saved: true, read: false, v: 3000 },
      [A]: { saved: false, read: false, v: 0 },
    });
  });

  it('keeps a newer decision when an older one is written after it', async () => {
    await decide(llama.id, { saved: true }, 2000);
    // Decided at 1000 (a message that waited for a stopped worker), written at 3000.
    const late = await applyIntents(db, { [llama.id]: { saved: false } }, 1000, 3000);
    expect(late.changed).toEqual({});
    expect(late.states[llama.id]).toMatchObject({ saved: true });
  });

  it('records the paper it was given along with the decision, in one transaction', async () => {
    await applyIntents(db, { [llama.id]: { saved: true } }, 1000, 1000, { papers: [llama] });
    expect((await db.papers.get(llama.id))?.title).toBe(llama.title);
  });

  it('sets note, tags (normalised) and pin, keeping the saved and read marks', async () => {
    await decide(A, { saved: true }, 100);
    const { changed } = await decide(A, { note: 'Read §3', tags: ['ML', ' ml', 'Vision'] }, 200);
    expect(changed).toEqual({ [A]: { saved: true, read: false, v: 200 } });
    expect(await db.marks.get(A)).toMatchObject({
      savedAt: 100,
      updatedAt: 200,
      note: 'Read §3',
      tags: ['ml', 'vision'],
    });
  });

  it('pins with the time it was pinned, keeps it when pinned again, and unpins', async () => {
    await decide(A, { pinned: true }, 100);
    await decide(A, { pinned: true }, 200);
    expect((await db.marks.get(A))?.pinnedAt).toBe(100);
    await decide(A, { pinned: false }, 300);
    expect((await db.marks.get(A))?.pinnedAt).toBe(0);
  });

  it('marks many at once and reports only the papers that changed', async () => {
    for (const id of [A, B, C]) await decide(id, { saved: true }, 100);
    await decide(A, { read: true }, 150);
    const many = await applyIntents(db, { [A]: { read: true }, [B]: { read: true } }, 150, 200);
    expect(Object.keys(many.changed)).toEqual([B]);
    expect(Object.keys(many.states)).toEqual([A, B]);
    expect((await db.marks.get(A))?.readAt).toBe(150);
  });
});

describe('versions', () => {
  it('are one clock for the whole database: every write later than all before it', async () => {
    const first = await decide(A, { saved: true }, 1000);
    // Another paper, written with a clock that went back: still a later version.
    const second = await applyIntents(db, { [B]: { saved: true } }, 900, 900);
    const third = await applyIntents(db, { [C]: { read: true } }, 900, 900);
    const v = (w: typeof first, id: string) => w.states[id]?.v ?? 0;
    expect(v(second, B)).toBeGreaterThan(v(first, A));
    expect(v(third, C)).toBeGreaterThan(v(second, B));
    expect(await latestVersion(db)).toBe(v(third, C));
    // One write, one version, whatever the number of papers.
    const many = await applyIntents(db, { [A]: { read: true }, [B]: { read: true } }, 2000, 2000);
    expect(v(many, A)).toBe(v(many, B));
  });
});

describe('tags, Undo and opening', () => {
  beforeEach(async () => {
    for (const id of [A, B, C]) await decide(id, { saved: true }, 100);
  });

  it('adds and removes tags without touching the others', async () => {
    await decide(A, { tags: ['keep', 'old'] }, 110);
    await tagMany(db, { ids: [A, B], add: ['New'], remove: ['old'] }, 200);
    expect((await db.marks.get(A))?.tags).toEqual(['keep', 'new']);
    expect((await db.marks.get(B))?.tags).toEqual(['new']);
    expect((await db.marks.get(C))?.tags).toEqual([]);
  });

  it('restores decisions exactly as they were: Undo of a remove keeps the old place', async () => {
    await decide(A, { note: 'n', tags: ['t'], pinned: true }, 120);
    const before = (await db.marks.bulkGet([A, B])).map((mark) => ({
      id: mark?.id as string,
      ...decisionsOf(mark ?? emptyMark('')),
    }));
    await applyIntents(db, { [A]: { saved: false }, [B]: { saved: false } }, 200, 200);
    expect(await db.marks.where('savedAt').above(0).count()).toBe(1);
    const { changed } = await restoreDecisions(db, before, 300, 300);
    expect(changed).toEqual({
      [A]: { saved: true, read: false, v: 300 },
      [B]: { saved: true, read: false, v: 300 },
    });
    expect(await db.marks.get(A)).toMatchObject({ ...before[0], updatedAt: 300 });
  });

  it('records an opened page, and marks it read only when asked', async () => {
    const plain = await recordOpened(db, { id: A, markRead: false }, 400);
    expect(plain.states[A]).toMatchObject({ saved: true, read: false });
    expect((await db.marks.get(A))?.openedAt).toBe(400);
    const read = await recordOpened(db, { id: A, markRead: true }, 500);
    expect(read.changed[A]).toMatchObject({ read: true });
  });

  it('makes no record for a paper never decided on when only its page was opened', async () => {
    const none = '2501.99999';
    const opened = await recordOpened(db, { id: none, markRead: false }, 400);
    expect(opened.states[none]).toMatchObject({ saved: false, read: false });
    expect(await db.marks.get(none)).toBeUndefined();
    await recordOpened(db, { id: none, markRead: true }, 500);
    expect(await db.marks.get(none)).toMatchObject({ openedAt: 500, readAt: 500 });
  });
});

describe('reading the queue', () => {
  beforeEach(async () => {
    await recordSeen(
      db,
      [A, B, C].map((id) => ({ id, title: `T ${id}`, summary: 's' })),
      1,
    );
  });

  it('reads every saved paper with its marks and metadata, once per paper', async () => {
    await decide(A, { saved: true }, 10);
    await decide(A, { tags: ['x'], note: 'n' }, 11);
    await decide(B, { read: true }, 12); // read, never saved
    const known = new Map();
    const [entry] = await loadSaved(db, known);
    expect(entry).toMatchObject({ id: A, title: `T ${A}`, summary: 's', tags: ['x'], note: 'n' });
    expect([...known.keys()]).toEqual([A]);
  });

  it('lists saved papers pinned first, unread first, newest saved first', async () => {
    await decide(A, { saved: true }, 100);
    await decide(B, { saved: true, read: true }, 200);
    await decide(C, { saved: true }, 300);
    await decide('2501.00004', { read: true }, 400); // read, never saved
    expect((await loadQueue(db)).map((e) => e.id)).toEqual([C, A, B]);
    await decide(B, { pinned: true }, 500);
    expect((await loadQueue(db)).map((e) => e.id)).toEqual([B, C, A]);
  });

  it('shows the id of a saved paper it knows nothing else about', async () => {
    await decide('2501.00009', { saved: true }, 1);
    expect((await loadQueue(db)).find((e) => e.id === '2501.00009')).toMatchObject({
      title: '2501.00009',
      authors: [],
    });
  });

  it('draws the first screen from pinned papers, then the newest unread, then read', async () => {
    await decide(A, { saved: true, read: true }, 30);
    await decide(B, { saved: true }, 10);
    await decide(C, { saved: true }, 20);
    await decide(B, { pinned: true }, 40);
    const ids = (await loadFirstScreen(db, 5)).map((e) => e.id);
    expect(ids).toEqual([B, C, A]);
    expect((await loadFirstScreen(db, 1)).map((e) => e.id)).toEqual([B, C]);
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
      clock: { savedAt: 20, readAt: 20, pinnedAt: 20, tags: 20, note: 20 },
    });
    expect(await upgraded.papers.get(llama.id)).toMatchObject(llama);
    expect(await upgraded.marks.where('tags').equals('x').count()).toBe(0);
    await upgraded.delete();
  });
});
