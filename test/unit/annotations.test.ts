import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { annotatePaper, restoreMarks, snapshotOf, tagMany } from '../../src/db/annotations';
import { emptyMark, openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyManyMarks, applyMarks, recordSeen } from '../../src/db/marks';
import { loadFirstScreen, loadSaved } from '../../src/db/queue';
import type { StateMap } from '../../src/shared/model';

const A = '2501.00001';
const B = '2501.00002';
const C = '2501.00003';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`annotations-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('annotatePaper', () => {
  it('sets note, tags (normalised) and pin, keeping the saved and read marks', async () => {
    await applyMarks(db, { id: A, saved: true }, 100);
    const states = await annotatePaper(
      db,
      { id: A, note: 'Read §3', tags: ['ML', ' ml', 'Vision'] },
      200,
    );
    expect(states).toEqual({ [A]: { saved: true, read: false } });
    expect(await db.marks.get(A)).toEqual({
      ...emptyMark(A),
      savedAt: 100,
      updatedAt: 200,
      note: 'Read §3',
      tags: ['ml', 'vision'],
    });
  });

  it('pins with the time it was pinned, keeps it when pinned again, and unpins', async () => {
    await annotatePaper(db, { id: A, pinned: true }, 100);
    await annotatePaper(db, { id: A, pinned: true }, 200);
    expect((await db.marks.get(A))?.pinnedAt).toBe(100);
    await annotatePaper(db, { id: A, pinned: false }, 300);
    expect((await db.marks.get(A))?.pinnedAt).toBe(0);
  });

  it('reports no change when nothing changed', async () => {
    await annotatePaper(db, { id: A, note: 'x' }, 100);
    expect(await annotatePaper(db, { id: A, note: 'x' }, 200)).toEqual({});
    expect((await db.marks.get(A))?.updatedAt).toBe(100);
  });
});

describe('bulk changes', () => {
  beforeEach(async () => {
    for (const id of [A, B, C]) await applyMarks(db, { id, saved: true }, 100);
  });

  it('marks many read at once and answers only the papers that changed', async () => {
    await applyMarks(db, { id: A, read: true }, 150);
    const { changed } = await applyManyMarks(db, { [A]: { read: true }, [B]: { read: true } }, 200);
    expect(changed).toEqual({ [B]: { saved: true, read: true } });
    expect((await db.marks.get(A))?.readAt).toBe(150);
  });

  it('adds and removes tags without touching the others', async () => {
    await annotatePaper(db, { id: A, tags: ['keep', 'old'] }, 100);
    await tagMany(db, { ids: [A, B], add: ['New'], remove: ['old'] }, 200);
    expect((await db.marks.get(A))?.tags).toEqual(['keep', 'new']);
    expect((await db.marks.get(B))?.tags).toEqual(['new']);
    expect((await db.marks.get(C))?.tags).toEqual([]);
  });

  it('restores marks exactly as they were: Undo of a remove keeps the old place', async () => {
    await annotatePaper(db, { id: A, note: 'n', tags: ['t'], pinned: true }, 120);
    const before = (await db.marks.bulkGet([A, B])).map((mark) =>
      snapshotOf(mark ?? emptyMark('')),
    );
    await applyManyMarks(db, { [A]: { saved: false }, [B]: { saved: false } }, 200);
    expect(await db.marks.where('savedAt').above(0).count()).toBe(1);
    const states = await restoreMarks(db, before, 300);
    expect(states).toEqual({
      [A]: { saved: true, read: false },
      [B]: { saved: true, read: false },
    });
    expect(await db.marks.get(A)).toEqual({ ...before[0], updatedAt: 300 });
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
    await applyMarks(db, { id: A, saved: true }, 10);
    await annotatePaper(db, { id: A, tags: ['x'], note: 'n' }, 11);
    await applyMarks(db, { id: B, read: true }, 12); // read, never saved
    const known = new Map();
    const [entry] = await loadSaved(db, known);
    expect(entry).toMatchObject({ id: A, title: `T ${A}`, summary: 's', tags: ['x'], note: 'n' });
    expect([...known.keys()]).toEqual([A]);
  });

  it('draws the first screen from pinned papers, then the newest unread, then read', async () => {
    await applyMarks(db, { id: A, saved: true, read: true }, 30);
    await applyMarks(db, { id: B, saved: true }, 10);
    await applyMarks(db, { id: C, saved: true }, 20);
    await annotatePaper(db, { id: B, pinned: true }, 40);
    const ids = (await loadFirstScreen(db, 5)).map((e) => e.id);
    expect(ids).toEqual([B, C, A]);
    expect((await loadFirstScreen(db, 1)).map((e) => e.id)).toEqual([B, C]);
  });
});

describe('the router', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const fromPage = { id: ID, url: `chrome-extension://${ID}/src/library/index.html` };
  let announced: StateMap[];
  let ctx: RouterContext;
  beforeEach(() => {
    announced = [];
    ctx = {
      db: () => db,
      extensionId: ID,
      extensionOrigin: `chrome-extension://${ID}/`,
      announce: async (states) => {
        announced.push(states);
      },
      markReadOnOpen: async () => false,
    };
  });

  it('announces bulk changes after they are written, and nothing for no change', async () => {
    const save = { type: 'papers.set', marks: { [A]: { saved: true }, [B]: { saved: true } } };
    const reply = await handleMessage(save, fromPage, ctx);
    expect(reply).toEqual({
      ok: true,
      data: { [A]: { saved: true, read: false }, [B]: { saved: true, read: false } },
    });
    await handleMessage({ type: 'papers.tag', ids: [A], add: ['x'] }, fromPage, ctx);
    await handleMessage({ type: 'papers.tag', ids: [A], add: ['x'] }, fromPage, ctx);
    await handleMessage({ type: 'paper.annotate', id: A, note: 'hi' }, fromPage, ctx);
    expect(announced).toHaveLength(3);
    expect(await db.marks.get(A)).toMatchObject({ tags: ['x'], note: 'hi' });
  });

  it('restores a snapshot sent back for Undo', async () => {
    const snapshot = { id: A, savedAt: 5, readAt: 0, pinnedAt: 0, tags: ['a'], note: '' };
    const reply = await handleMessage({ type: 'marks.restore', marks: [snapshot] }, fromPage, ctx);
    expect(reply.ok).toBe(true);
    expect(await db.marks.get(A)).toMatchObject(snapshot);
  });
});
