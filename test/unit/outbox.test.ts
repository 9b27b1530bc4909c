// The outbox (src/background/outbox.ts): decisions pages left in storage.local are applied by
// their decision time, announced before they are removed, and a bad one never breaks the rest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncIndex } from '../../src/background/mark-index';
import { drainOutbox, FAILED_ENTRY_LIFETIME_MS } from '../../src/background/outbox';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents } from '../../src/db/marks';
import { indexedStates, memoryStorage } from '../support/index-storage';

const A = '2407.21783';
const B = '2407.21770';
const key = (n: number) => `paperQueue.outbox.tab.${n}`;
const page = 'https://huggingface.co/papers';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`outbox-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('draining the outbox', () => {
  it('applies each entry, tells the tabs (the index) and only then removes the entries', async () => {
    const storage = memoryStorage({
      [key(1)]: {
        at: 100,
        page,
        marks: { [A]: { saved: true } },
        paper: { id: A, title: 'Llama' },
      },
      [key(2)]: { at: 200, page, marks: { [A]: { read: true }, [B]: { read: true } } },
      'paperQueue.settings': { hideMode: 'dim' },
    });
    const seen: string[][] = [];
    const drained = await drainOutbox(
      db,
      1000,
      async () => {
        seen.push(Object.keys(storage.items).filter((k) => k.startsWith('paperQueue.outbox.')));
        await syncIndex(db, storage);
      },
      { storage },
    );
    expect(drained).toMatchObject({ applied: 2, failed: 0, newlySaved: [A] });
    expect(seen).toEqual([[key(1), key(2)]]); // announced while the entries were still there
    expect(Object.keys(storage.items).filter((k) => k.startsWith('paperQueue.outbox.'))).toEqual(
      [],
    );
    expect(await db.marks.get(A)).toMatchObject({ savedAt: 100, readAt: 200 });
    expect((await db.papers.get(A))?.title).toBe('Llama');
    expect(indexedStates(storage.items)).toEqual({
      [A]: { saved: true, read: true },
      [B]: { saved: false, read: true },
    });
  });

  it('never lets an entry undo a newer decision made elsewhere', async () => {
    await applyIntents(db, { [A]: { saved: true } }, 500, 500); // the popup, later
    const storage = memoryStorage({
      [key(1)]: { at: 300, page, marks: { [A]: { saved: false } } },
    });
    await drainOutbox(db, 1000, async () => {}, { storage });
    expect(await db.marks.get(A)).toMatchObject({ savedAt: 500 });
    expect(storage.items[key(1)]).toBeUndefined();
  });

  it('is the same decision when applied twice (a worker that stopped before removing it)', async () => {
    const entry = { at: 300, page, marks: { [A]: { read: true } } };
    await drainOutbox(db, 1000, async () => {}, { storage: memoryStorage({ [key(1)]: entry }) });
    const once = await db.marks.get(A);
    await drainOutbox(db, 2000, async () => {}, { storage: memoryStorage({ [key(1)]: entry }) });
    expect(await db.marks.get(A)).toEqual(once);
  });

  it('drops a damaged entry with a warning and applies the others', async () => {
    const warnings: string[] = [];
    const storage = memoryStorage({
      [key(1)]: { at: 'soon', page, marks: { [A]: { saved: true } } },
      [key(2)]: { at: 10, page, marks: { 'not-an-id': { saved: true } } },
      [key(3)]: { at: 20, page, marks: { [B]: { saved: true } } },
    });
    const drained = await drainOutbox(db, 1000, async () => {}, {
      storage,
      warn: (m) => warnings.push(m),
    });
    expect(drained.applied).toBe(1);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/damaged outbox entry/);
    expect(Object.keys(storage.items)).toEqual([]);
    expect(await db.marks.count()).toBe(1);
  });

  it('gives an entry it cannot write back to its page with the reason, and forgets old ones', async () => {
    db.close();
    const storage = memoryStorage({
      [key(1)]: { at: 100, page, marks: { [A]: { saved: true } } },
      [key(2)]: { at: 1, page, marks: { [A]: { saved: true } }, failed: 'Storage is full' },
    });
    const now = 2 + FAILED_ENTRY_LIFETIME_MS;
    const drained = await drainOutbox(db, now, async () => {}, { storage });
    expect(drained).toMatchObject({ applied: 0, failed: 1 });
    expect(storage.items[key(1)]).toMatchObject({ failed: expect.stringMatching(/\S/) });
    expect(storage.items[key(2)]).toBeUndefined();
  });

  it('refuses, with the reason, an entry from a site the user turned off since its page loaded', async () => {
    const arxiv = 'https://arxiv.org/abs/1706.03762';
    const storage = memoryStorage({
      [key(1)]: { at: 100, page: arxiv, marks: { [A]: { saved: true } } },
      [key(2)]: { at: 200, page, marks: { [B]: { saved: true } } },
    });
    const asked: string[] = [];
    const drained = await drainOutbox(db, 1000, async () => {}, {
      storage,
      refusal: async (url) => {
        asked.push(url);
        return url === arxiv ? 'Refused: arxiv.org is not turned on in Paper Queue' : null;
      },
    });
    expect(asked).toEqual([arxiv, page]);
    expect(drained).toMatchObject({ applied: 1, failed: 1 });
    expect(storage.items[key(1)]).toMatchObject({ failed: /arxiv\.org is not turned on/ });
    expect(await db.marks.get(A)).toBeUndefined();
    expect(await db.marks.get(B)).toMatchObject({ savedAt: 200 });
  });
});
