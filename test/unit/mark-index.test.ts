// The mark index (src/shared/mark-index.ts, background/mark-index.ts): compact shards pages
// read at document_start, kept equal to the database after every change and at every start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildIndex, serially, syncIndex } from '../../src/background/mark-index';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents } from '../../src/db/marks';
import {
  decodeShard,
  encodeShard,
  INDEX_META_KEY,
  shardKey,
  shardOf,
} from '../../src/shared/mark-index';
import { indexedStates, memoryStorage } from '../support/index-storage';

describe('a shard', () => {
  it('round-trips saved/read states in a few characters each, leaving unmarked ones out', () => {
    const states: [string, { saved: boolean; read: boolean }][] = [
      ['2407.21783', { saved: true, read: false }],
      ['2407.21770', { saved: true, read: true }],
      ['2407.00001', { saved: false, read: true }],
      ['2407.12345', { saved: false, read: false }],
    ];
    const shard = encodeShard('2407', states, 42);
    expect(shard).toEqual({ v: 42, marks: '00001r,21770b,21783s' });
    expect([...(decodeShard('2407', shard) ?? [])]).toEqual([
      ['2407.00001', { saved: false, read: true }],
      ['2407.21770', { saved: true, read: true }],
      ['2407.21783', { saved: true, read: false }],
    ]);
  });

  it('puts old-style ids in a shard of their own, whole', () => {
    expect(shardOf('hep-th/9901001')).toBe('old');
    expect(shardOf('2501.00001')).toBe('2501');
    const shard = encodeShard('old', [['hep-th/9901001', { saved: true, read: false }]], 1);
    expect(decodeShard('old', shard)?.get('hep-th/9901001')).toEqual({ saved: true, read: false });
  });

  it('refuses a damaged value whole instead of reading half of it', () => {
    expect(decodeShard('2407', { v: 1, marks: '21783s,21770x' })).toBeNull();
    expect(decodeShard('2407', { v: 'one', marks: '' })).toBeNull();
    expect(decodeShard('2407', null)).toBeNull();
    expect(decodeShard('2407', { v: 1, marks: '' })?.size).toBe(0);
  });
});

describe('the index writer', () => {
  let db: PaperQueueDB;
  beforeEach(() => {
    db = openDatabase(`index-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  const states = async () => {
    const marks = await db.marks.toArray();
    return Object.fromEntries(
      marks
        .filter((m) => m.savedAt > 0 || m.readAt > 0)
        .map((m) => [m.id, { saved: m.savedAt > 0, read: m.readAt > 0 }]),
    );
  };

  it('builds the index the first time, then rewrites only the shards that changed', async () => {
    const storage = memoryStorage();
    await applyIntents(db, { '2407.21783': { saved: true }, '2501.00001': { read: true } }, 1, 1);
    expect((await syncIndex(db, storage)).sort()).toEqual(['2407', '2501']);
    expect(indexedStates(storage.items)).toEqual(await states());
    await applyIntents(db, { '2501.00002': { saved: true } }, 2, 2);
    expect(await syncIndex(db, storage)).toEqual(['2501']);
    expect(indexedStates(storage.items)).toEqual(await states());
    // Nothing changed: nothing written.
    const writes = storage.writes();
    expect(await syncIndex(db, storage)).toEqual([]);
    expect(storage.writes()).toBe(writes);
  });

  it('catches up on a change whose index update a stopped worker lost', async () => {
    const storage = memoryStorage();
    await applyIntents(db, { '2407.21783': { saved: true } }, 1, 1);
    await syncIndex(db, storage);
    await applyIntents(db, { '2408.00001': { read: true } }, 2, 2); // its update never ran
    await applyIntents(db, { '2407.21783': { saved: false } }, 3, 3);
    await syncIndex(db, storage);
    expect(indexedStates(storage.items)).toEqual(await states());
    expect((storage.items[INDEX_META_KEY] as { v: number }).v).toBe(
      (await db.marks.orderBy('updatedAt').last())?.updatedAt,
    );
  });

  it('rebuilds a missing or foreign index, and removes shards that hold nothing any more', async () => {
    const storage = memoryStorage({
      [INDEX_META_KEY]: { format: 99, v: 5 },
      [shardKey('1999')]: { v: 1, marks: '00001s' },
    });
    await applyIntents(db, { '2407.21783': { saved: true } }, 1, 1);
    await syncIndex(db, storage);
    expect(storage.items[shardKey('1999')]).toBeUndefined();
    expect(indexedStates(storage.items)).toEqual(await states());
    await rebuildIndex(db, storage);
    expect(indexedStates(storage.items)).toEqual(await states());
  });

  it('measures: 50,000 marks fit in a few hundred kilobytes', async () => {
    const storage = memoryStorage();
    const marks: Record<string, { saved: boolean; read: boolean }> = {};
    for (let i = 0; i < 50_000; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const id = `${23 + Math.floor(i / 20_000)}${month}.${String(i).padStart(5, '0')}`;
      marks[id] = { saved: i % 3 === 0, read: true };
    }
    await applyIntents(db, marks, 1, 1);
    await syncIndex(db, storage);
    const bytes = JSON.stringify(storage.items).length;
    expect(Object.keys(indexedStates(storage.items))).toHaveLength(50_000);
    expect(bytes).toBeLessThan(500_000);
  }, 60_000);
});

describe('index work', () => {
  it('runs one piece at a time, in the order asked, even when one fails', async () => {
    const inTurn = serially();
    const log: string[] = [];
    const slow = inTurn(async () => {
      await new Promise((r) => setTimeout(r, 20));
      log.push('first');
    });
    const failing = inTurn(async () => {
      log.push('second');
      throw new Error('no');
    });
    const third = inTurn(async () => void log.push('third'));
    await Promise.allSettled([slow, failing, third]);
    expect(log).toEqual(['first', 'second', 'third']);
  });
});
