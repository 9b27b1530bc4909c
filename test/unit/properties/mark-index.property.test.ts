// The mark index stays equal to the database after any sequence of writes, imports, restores
// and migrations, including index updates lost with a stopped worker (caught up on the next
// write or start).
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncIndex } from '../../../src/background/mark-index';
import { openDatabase, type PaperQueueDB } from '../../../src/db/database';
import { applyIntents, tagMany } from '../../../src/db/marks';
import { restoreSnapshot, takeSnapshot } from '../../../src/db/snapshots';
import { importBackup } from '../../../src/db/transfer';
import { buildBackup } from '../../../src/shared/backup/format';
import { indexedStates, memoryStorage } from '../../support/index-storage';

const IDS = [
  '2407.21783',
  '2407.21770',
  '2501.00001',
  '2501.00002',
  'hep-th/9901001',
  '2612.99999',
];
const id = fc.constantFrom(...IDS);
const intent = fc.record(
  { saved: fc.boolean(), read: fc.boolean(), pinned: fc.boolean() },
  { requiredKeys: [] },
);
const stamp = fc.integer({ min: 1, max: 5_000 });

type Op =
  | { kind: 'decide'; marks: Record<string, { saved?: boolean; read?: boolean }>; at: number }
  | { kind: 'tag'; ids: string[] }
  | { kind: 'import'; marks: { id: string; saved: boolean; read: boolean; at: number }[] }
  | { kind: 'snapshot' }
  | { kind: 'restore' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      marks: fc.dictionary(id, intent, { maxKeys: 4 }),
      at: stamp,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tag' as const),
      ids: fc.subarray(IDS, { minLength: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      marks: fc.uniqueArray(fc.record({ id, saved: fc.boolean(), read: fc.boolean(), at: stamp }), {
        selector: (m) => m.id,
        maxLength: 4,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'snapshot' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

async function databaseStates(db: PaperQueueDB) {
  const marks = await db.marks.toArray();
  return Object.fromEntries(
    marks
      .filter((m) => m.savedAt > 0 || m.readAt > 0)
      .map((m) => [m.id, { saved: m.savedAt > 0, read: m.readAt > 0 }]),
  );
}

async function apply(db: PaperQueueDB, step: Op, now: number, snapshots: number[]) {
  switch (step.kind) {
    case 'decide':
      return applyIntents(db, step.marks, step.at, now);
    case 'tag':
      return tagMany(db, { ids: step.ids, add: ['x'] }, now, now);
    case 'import': {
      const marks = step.marks.map((m) => ({
        id: m.id,
        savedAt: m.saved ? m.at : 0,
        readAt: m.read ? m.at : 0,
        updatedAt: m.at,
        pinnedAt: 0,
        tags: [],
        note: '',
      }));
      return importBackup(db, { ...buildBackup([], marks, now), version: 1 }, now);
    }
    case 'snapshot':
      snapshots.push(await takeSnapshot(db, 'manual', now));
      return;
    case 'restore': {
      const last = snapshots.at(-1);
      if (last !== undefined) await restoreSnapshot(db, last, now);
    }
  }
}

describe('the mark index', () => {
  it('equals the database after any sequence of changes, with index updates lost on the way', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          runs++;
          const db = openDatabase(`index-property-${crypto.randomUUID()}`);
          const storage = memoryStorage();
          const snapshots: number[] = [];
          try {
            let now = 10_000;
            for (const [step, synced] of steps) {
              now += 100;
              await apply(db, step, now, snapshots);
              // A worker that stopped before the index update: nothing written this time.
              if (!synced) continue;
              await syncIndex(db, storage);
              expect(indexedStates(storage.items)).toEqual(await databaseStates(db));
            }
            await syncIndex(db, storage); // the next start, or the next change
            expect(indexedStates(storage.items)).toEqual(await databaseStates(db));
          } finally {
            await db.delete();
          }
        },
      ),
      { numRuns: 60, seed: 17 },
    );
    expect(runs).toBe(60);
  }, 120_000);

  it('equals a database migrated from version 1', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id, saved: fc.boolean(), read: fc.boolean(), at: stamp }), {
          selector: (m) => m.id,
        }),
        async (marks) => {
          const name = `index-v1-${crypto.randomUUID()}`;
          const v1 = new Dexie(name);
          v1.version(1).stores({
            papers: 'id, lastSeenAt',
            marks: 'id, savedAt, readAt, updatedAt',
          });
          await v1.table('marks').bulkAdd(
            marks.map((m) => ({
              id: m.id,
              savedAt: m.saved ? m.at : 0,
              readAt: m.read ? m.at : 0,
              updatedAt: m.at,
            })),
          );
          v1.close();
          const db = openDatabase(name);
          try {
            const storage = memoryStorage();
            await syncIndex(db, storage);
            expect(indexedStates(storage.items)).toEqual(await databaseStates(db));
          } finally {
            await db.delete();
          }
        },
      ),
      { numRuns: 20, seed: 3 },
    );
  }, 60_000);
});
