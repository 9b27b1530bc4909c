import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/db/queue';
import { type HeldRow, placeHeld } from '../../src/ui/queue/held-rows';

const entry = (id: string, change: Partial<QueueEntry> = {}): QueueEntry =>
  ({
    id,
    title: id,
    authors: [],
    upvotes: 0,
    savedAt: 1,
    readAt: 0,
    pinnedAt: 0,
    tags: [],
    note: '',
    ...change,
  }) as QueueEntry;
const ids = (entries: QueueEntry[]) => entries.map((e) => e.id);
const held = (rows: [QueueEntry, number][]) =>
  new Map<string, HeldRow>(rows.map(([e, index]) => [e.id, { entry: e, before: e, index }]));

describe('held rows', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => entry(id)) as QueueEntry[];

  it('put a row that left the view back at its place, in its new state', () => {
    // b was marked read in the Queue view: the view no longer has it.
    const readB = entry('b', { readAt: 5 });
    const shown = placeHeld(
      [a, c, d] as QueueEntry[],
      held([[b as QueueEntry, 1]]),
      new Map([['b', readB]]),
    );
    expect(ids(shown)).toEqual(['a', 'b', 'c', 'd']);
    expect(shown[1]).toBe(readB);
  });

  it('keep a row in place that the order would move (marked read in All saved)', () => {
    const readA = entry('a', { readAt: 5 });
    const shown = placeHeld(
      [b, c, d, readA] as QueueEntry[],
      held([[a as QueueEntry, 0]]),
      new Map([['a', readA]]),
    );
    expect(ids(shown)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('show a removed row as it was held once the database no longer has it', () => {
    const removed = entry('c', { savedAt: 0 });
    const shown = placeHeld([a, b, d] as QueueEntry[], held([[removed, 2]]), new Map());
    expect(ids(shown)).toEqual(['a', 'b', 'c', 'd']);
    expect(shown[2]?.savedAt).toBe(0);
  });

  it('keep several held rows in their order, and the list as it is without any', () => {
    const shown = placeHeld(
      [c] as QueueEntry[],
      held([
        [b as QueueEntry, 1],
        [a as QueueEntry, 0],
        [d as QueueEntry, 3],
      ]),
      new Map(),
    );
    expect(ids(shown)).toEqual(['a', 'b', 'c', 'd']);
    const list = [a, b] as QueueEntry[];
    expect(placeHeld(list, new Map(), new Map())).toBe(list);
  });
});
