// Storage faults meet the router: a full disk, a blocked upgrade, a database that cannot open.
import { type DBCore, Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage, type RouterContext } from '../../src/background/router';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import type { StateMap } from '../../src/shared/model';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromPage = { id: ID, url: 'https://huggingface.co/papers', tab: {} };
const fromPopup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };
const save = {
  type: 'paper.mark',
  id: '2407.21783',
  at: 1_000,
  saved: true,
  paper: { id: '2407.21783', title: 'The Llama 3 Herd of Models' },
};

function contextFor(db: PaperQueueDB, announced: StateMap[] = []): RouterContext {
  return {
    db: () => db,
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    announce: async (states) => void announced.push(states),
  };
}

/** Makes every write to `table` fail as a full disk does, inside its transaction. */
function fillDiskFor(db: Dexie, table: string) {
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== table) return inner;
        return {
          ...inner,
          mutate: () =>
            Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
        };
      },
    }),
  });
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});
function fresh(name = `faults-${crypto.randomUUID()}`) {
  const db = openDatabase(name);
  cleanup.push(() => db.delete());
  return db;
}

describe('a full disk', () => {
  it('answers a clear error and writes nothing, not even the metadata of the same click', async () => {
    const db = fresh();
    fillDiskFor(db, 'marks');
    const announced: StateMap[] = [];
    const reply = await handleMessage(save, fromPage, contextFor(db, announced));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full/) });
    expect(await db.papers.count()).toBe(0);
    expect(await db.marks.count()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('leaves a bulk change all-or-nothing and keeps answering (no stuck state)', async () => {
    const db = fresh();
    await handleMessage(save, fromPage, contextFor(db));
    // Middleware takes effect when the database opens.
    db.close({ disableAutoOpen: false });
    fillDiskFor(db, 'marks');
    const marks = { '2407.21783': { read: true }, '2408.00001': { saved: true } };
    const reply = await handleMessage(
      { type: 'papers.set', at: 2_000, marks },
      fromPage,
      contextFor(db),
    );
    expect(reply.ok).toBe(false);
    expect((await db.marks.toArray()).map((m) => [m.id, m.savedAt > 0, m.readAt > 0])).toEqual([
      ['2407.21783', true, false],
    ]);
    const read = await handleMessage(
      { type: 'papers.states', ids: ['2407.21783'] },
      fromPage,
      contextFor(db),
    );
    expect(read).toMatchObject({ ok: true, data: { '2407.21783': { saved: true, read: false } } });
  });

  it('refuses an import as a whole', async () => {
    const db = fresh();
    fillDiskFor(db, 'marks');
    const reply = await handleMessage(
      { type: 'transfer.import', text: '2407.21783\n2408.00001\n' },
      fromPopup,
      contextFor(db),
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full/) });
    expect(await db.papers.count()).toBe(0);
    expect(await db.marks.count()).toBe(0);
  });
});

/** A connection at version 1 that, like a stale page, ignores requests to close. */
async function holdOldVersion(name: string): Promise<IDBDatabase> {
  const old = new Dexie(name);
  old.version(1).stores({ papers: 'id, lastSeenAt', marks: 'id, savedAt, readAt, updatedAt' });
  await old.open();
  await old.table('marks').put({ id: '2407.21783', savedAt: 5, readAt: 0, updatedAt: 5 });
  old.close();
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 10); // Dexie stores version n as n × 10
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('an upgrade blocked by an older connection', () => {
  it('gets a clear reply instead of hanging, then works once the old connection closes', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const stale = await holdOldVersion(name);
    const db = fresh(name);
    const reply = await handleMessage(
      { type: 'papers.states', ids: ['2407.21783'] },
      fromPage,
      contextFor(db),
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/waiting for its older pages/),
    });

    stale.close();
    await db.open();
    const after = await handleMessage(save, fromPage, contextFor(db));
    expect(after.ok).toBe(true);
    // Upgraded in place: the v1 decision is there with the fields v2 added.
    expect(await db.marks.get('2407.21783')).toMatchObject({ savedAt: 5, pinnedAt: 0, tags: [] });
  });

  it('is never caused by the background: it closes its connection when asked', async () => {
    const name = `yields-${crypto.randomUUID()}`;
    const db = fresh(name);
    await handleMessage(save, fromPage, contextFor(db));
    // A newer version of the extension opening the same database one version up (Dexie's
    // version n is IndexedDB's n × 10).
    const next = (db.verno + 1) * 10;
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, next);
      request.onblocked = () => reject(new Error('blocked by the background'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(upgraded.version).toBe(next);
    upgraded.close();
    expect(db.isOpen()).toBe(false);
  });
});

describe('a database that cannot open', () => {
  const refusing = {
    ...indexedDB,
    open: () => {
      throw new DOMException(
        'The operation failed for reasons unrelated to the database itself',
        'UnknownError',
      );
    },
  } as unknown as IDBFactory;

  it('answers every message with a clear error, again and again, without throwing', async () => {
    const db = openDatabase(`refused-${crypto.randomUUID()}`, {
      indexedDB: refusing,
      IDBKeyRange,
    });
    for (let i = 0; i < 3; i++) {
      const reply = await handleMessage(save, fromPage, contextFor(db));
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Storage unavailable/) });
    }
  });
});
