// A database made by the first schema opens under the newest with everything intact; a
// migration that throws leaves the old data as it was.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';

const V1_STORES = { papers: 'id, lastSeenAt', marks: 'id, savedAt, readAt, updatedAt' };
const RECORDS = 10_000;

/** Paper n's id and decisions, spread so every combination of saved/read appears. */
function v1Records(count: number) {
  const papers = [];
  const marks = [];
  for (let n = 0; n < count; n++) {
    const id = `24${String(1 + (n % 12)).padStart(2, '0')}.${String(n).padStart(5, '0')}`;
    papers.push({
      id,
      title: `Paper ${n}`,
      authors: [`Author ${n}`],
      firstSeenAt: n,
      lastSeenAt: n + 1,
    });
    if (n % 3 !== 0) {
      marks.push({
        id,
        savedAt: n % 2 ? 1_700_000_000_000 + n : 0,
        readAt: n % 5 ? 0 : 1_700_000_500_000 + n,
        updatedAt: 1_700_001_000_000 + n,
      });
    }
  }
  return { papers, marks };
}

async function createV1(name: string, count: number) {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  const records = v1Records(count);
  await v1.table('papers').bulkAdd(records.papers);
  await v1.table('marks').bulkAdd(records.marks);
  v1.close();
  return records;
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const nameFor = (what: string) => {
  const name = `${what}-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};

describe('migrating a version 1 database', () => {
  it(`keeps all ${RECORDS} papers and every decision, and adds the new fields`, async () => {
    const name = nameFor('v1');
    const before = await createV1(name, RECORDS);
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.papers.count()).toBe(RECORDS);
    expect(await db.papers.toArray()).toEqual(
      before.papers.sort((a, b) => a.id.localeCompare(b.id)),
    );
    const marks = await db.marks.toArray();
    expect(marks).toHaveLength(before.marks.length);
    const sorted = before.marks.sort((a, b) => a.id.localeCompare(b.id));
    // v2 added pin, tags and note; v3 the clock (each field decided when the mark last changed).
    const clockAt = (at: number) => ({ savedAt: at, readAt: at, pinnedAt: at, tags: at, note: at });
    expect(marks).toEqual(
      sorted.map((m) => ({ ...m, pinnedAt: 0, tags: [], note: '', clock: clockAt(m.updatedAt) })),
    );
    // The queue index still finds exactly the saved ones.
    expect(await db.marks.where('savedAt').above(0).count()).toBe(
      before.marks.filter((m) => m.savedAt > 0).length,
    );
    // One snapshot before each step (v1 → v2, v2 → v3), each holding every mark.
    const snapshots = await db.snapshots.toArray();
    expect(snapshots.map((s) => s.reason)).toEqual(['migration', 'migration']);
    expect(JSON.parse(snapshots[0]?.backup ?? '{}').marks).toHaveLength(before.marks.length);
    db.close();
  }, 60_000);

  it('keeps only the newest migration snapshots, like every other kind', async () => {
    const name = nameFor('v2');
    const v2 = new Dexie(name);
    v2.version(2).stores({
      ...V1_STORES,
      marks: 'id, savedAt, readAt, updatedAt, pinnedAt, *tags',
      snapshots: '++id, createdAt',
    });
    // Five upgrades' snapshots from before, and a manual one that is not theirs to prune.
    for (let n = 1; n <= 5; n++) {
      await v2.table('snapshots').add({ createdAt: n, reason: 'migration', backup: `old ${n}` });
    }
    await v2.table('snapshots').add({ createdAt: 0, reason: 'manual', backup: 'mine' });
    v2.close();
    const db = openDatabase(name);
    await db.open();
    const kept = await db.snapshots.orderBy('createdAt').toArray();
    expect(kept.map((s) => (s.backup.startsWith('old') ? s.backup : s.reason))).toEqual([
      'manual',
      'old 2',
      'old 3',
      'old 4',
      'old 5',
      'migration',
    ]);
    db.close();
  });

  it('leaves the version 1 data untouched when a migration throws', async () => {
    const name = nameFor('failing');
    const before = await createV1(name, 500);
    const broken = openDatabase(name);
    // A test-only next version whose upgrade fails half-way, after writing.
    broken
      .version(broken.verno + 1)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('marks').clear();
        throw new Error('migration bug');
      });
    await expect(broken.open()).rejects.toThrow(/migration bug/);
    broken.close();

    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(await v1.table('papers').count()).toBe(500);
    expect(await v1.table('marks').toArray()).toEqual(
      before.marks.sort((a, b) => a.id.localeCompare(b.id)),
    );
    v1.close();

    // And the shipped schema still upgrades it afterwards.
    const db = openDatabase(name);
    expect(await db.marks.count()).toBe(before.marks.length);
    db.close();
  });
});
