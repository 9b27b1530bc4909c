// The library at any size (src/ui/queue/queue-source.ts): the first screen at once, the rest
// streamed in chunks, then only what changed; and sorted lists patched to the same order a
// full sort gives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type PaperQueueDB } from '../../src/db/database';
import { applyIntents, recordSeen } from '../../src/db/marks';
import { loadFirstScreen, loadQueue } from '../../src/db/queue';
import type { Intent } from '../../src/db/records';
import { type SortKey, sortIndexed } from '../../src/ui/queue/queue-query';
import { CHUNK, QueueSource, type SourceState } from '../../src/ui/queue/queue-source';
import { SortedList } from '../../src/ui/queue/sorted-list';

let db: PaperQueueDB;
beforeEach(() => {
  db = openDatabase(`source-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const id = (n: number) => `2501.${String(10000 + n)}`;
const decide = (ids: string[], intent: Intent, at: number) =>
  applyIntents(db, Object.fromEntries(ids.map((i) => [i, intent])), at, at);

async function seed(count: number) {
  const ids = Array.from({ length: count }, (_, i) => id(i));
  await recordSeen(
    db,
    ids.map((paper, i) => ({
      id: paper,
      title: `Paper ${i} on ${i % 2 ? 'diffusion' : 'agents'}`,
      summary: `About topic ${i % 7}`,
      upvotes: i % 13,
    })),
    1,
  );
  for (let i = 0; i < count; i += 500) await decide(ids.slice(i, i + 500), { saved: true }, 10 + i);
  return ids;
}

/** Resolves with the first state that passes `check`. */
function until(source: QueueSource, check: (s: SourceState) => boolean): Promise<SourceState> {
  return new Promise((resolve) => {
    if (check(source.current)) return resolve(source.current);
    const stop = source.subscribe((state) => {
      if (!check(state)) return;
      stop();
      resolve(state);
    });
  });
}

describe('QueueSource', () => {
  it('shows the first screen, then streams in every saved paper in chunks', async () => {
    const ids = await seed(CHUNK * 2 + 17);
    const source = new QueueSource(db);
    const phases: string[] = [];
    source.subscribe((s) => phases.push(s.phase));
    source.start(loadFirstScreen(db, 50));
    const first = await until(source, (s) => s.phase !== 'loading');
    expect(first.entries.length).toBeLessThanOrEqual(100);
    const done = await until(source, (s) => s.phase === 'complete');
    expect(done.entries).toHaveLength(ids.length);
    expect(done.total).toBe(ids.length);
    expect(phases.filter((p) => p === 'streaming').length).toBeGreaterThanOrEqual(3);
    // The summary is kept only in the lower-cased search text.
    const sample = done.entries[0];
    expect(sample?.entry.summary).toBe('');
    expect(sample?.haystack).toMatch(/about topic \d/);
    source.stop();
  });

  it('then applies only what changed: a read, a removal, a newly saved paper, new tags', async () => {
    const ids = await seed(30);
    await recordSeen(db, [{ id: id(99), title: 'Later paper' }], 2);
    const source = new QueueSource(db);
    source.start(loadFirstScreen(db, 50));
    const complete = await until(source, (s) => s.phase === 'complete');
    const version = complete.version;
    await decide([ids[0] as string], { read: true }, 5000);
    await decide([ids[1] as string], { saved: false }, 5001);
    await decide([id(99)], { saved: true }, 5002);
    await decide([ids[2] as string], { tags: ['robotics'] }, 5003);
    const after = await until(
      source,
      (s) => s.entries.some((e) => e.entry.tags.includes('robotics')) && s.entries.length === 30,
    );
    expect(source.get(ids[0] as string)?.entry.readAt).toBeGreaterThan(0);
    expect(source.get(ids[1] as string)).toBeUndefined();
    expect(source.get(id(99))?.entry.title).toBe('Later paper');
    expect(source.get(ids[2] as string)?.markText).toContain('robotics');
    expect(source.changedSince(version)).toEqual(
      new Set([ids[0], ids[1], id(99), ids[2]].filter(Boolean)),
    );
    expect(after.version).toBeGreaterThan(version);
    const final = source.current;
    // One write of many papers gives them all one version: every one of them is applied.
    await decide(ids.slice(10, 20), { read: true }, 6000);
    await until(source, () =>
      ids.slice(10, 20).every((i) => (source.get(i)?.entry.readAt ?? 0) > 0),
    );
    // The same as reading everything again.
    expect(final.entries.map((e) => e.entry.id).sort()).toEqual(
      (await loadQueue(db)).map((e) => e.id).sort(),
    );
    source.stop();
  });
});

describe('SortedList', () => {
  it.each(['saved', 'published', 'upvotes', 'title'] as SortKey[])(
    'patched after changes, sorts by %s exactly as sorting again would',
    async (sort) => {
      const ids = await seed(120);
      const source = new QueueSource(db);
      source.start(loadFirstScreen(db, 50));
      let state = await until(source, (s) => s.phase === 'complete');
      const sorter = new SortedList(source);
      sorter.sorted(state, sort);
      const v = state.version;
      await decide([ids[5] as string], { read: true }, 9000);
      await decide([ids[50] as string], { pinned: true }, 9001);
      await decide([ids[7] as string], { saved: false }, 9002);
      state = await until(
        source,
        (s) =>
          s.version > v &&
          source.get(ids[7] as string) === undefined &&
          (source.get(ids[50] as string)?.entry.pinnedAt ?? 0) > 0 &&
          (source.get(ids[5] as string)?.entry.readAt ?? 0) > 0,
      );
      const patched = sorter.sorted(state, sort).map((e) => e.entry.id);
      expect(patched).toEqual(sortIndexed(state.entries, sort).map((e) => e.entry.id));
      expect(patched[0]).toBe(ids[50]);
      source.stop();
    },
  );
});
