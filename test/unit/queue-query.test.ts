import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../src/db/queue';
import {
  countViews,
  FilterJob,
  filterIndexed,
  indexEntries,
  queryQueue,
  refines,
  type SortKey,
  sortIndexed,
  tagCounts,
} from '../../src/ui/queue/queue-query';

function entry(id: string, fields: Partial<QueueEntry> = {}): QueueEntry {
  return {
    id,
    title: `Paper ${id}`,
    authors: [],
    summary: '',
    upvotes: 0,
    savedAt: 1,
    readAt: 0,
    pinnedAt: 0,
    tags: [],
    note: '',
    ...fields,
  };
}

const library = [
  entry('2401.00001', {
    title: 'Attention Is All You Need, Again',
    authors: ['Ada Lovelace'],
    savedAt: 100,
    publishedAt: '2024-01-05',
    upvotes: 10,
  }),
  entry('2401.00002', {
    title: 'diffusion models for video',
    summary: 'We scale latent diffusion.',
    savedAt: 300,
    publishedAt: '2024-03-01',
    upvotes: 50,
    tags: ['video', 'diffusion'],
  }),
  entry('2401.00003', {
    title: 'Zebra reasoning',
    savedAt: 200,
    readAt: 250,
    publishedAt: '2023-12-30',
    upvotes: 99,
    note: 'Compare with Ada’s results',
    tags: ['reasoning'],
  }),
  entry('2401.00004', {
    title: 'Benchmarks 2',
    savedAt: 50,
    publishedAt: '2024-02-02',
    upvotes: 1,
    tags: ['video'],
  }),
];
const ids = (entries: QueueEntry[]) => entries.map((e) => e.id.slice(-1));
const all = { view: 'all' as const, tag: '', search: '', sort: 'saved' as SortKey };

describe('views and counts', () => {
  it('counts unread (Queue), read and all saved papers', () => {
    expect(countViews(library)).toEqual({ queue: 3, read: 1, all: 4 });
    expect(countViews([])).toEqual({ queue: 0, read: 0, all: 0 });
  });

  it('shows unread papers in Queue, read ones in Read, every one in All saved', () => {
    expect(ids(queryQueue(library, { ...all, view: 'queue' }))).toEqual(['2', '1', '4']);
    expect(ids(queryQueue(library, { ...all, view: 'read' }))).toEqual(['3']);
    expect(ids(queryQueue(library, all))).toEqual(['2', '1', '4', '3']);
  });

  it('lists tags by use, most used first, then A to Z', () => {
    expect(tagCounts(library)).toEqual([
      ['video', 2],
      ['diffusion', 1],
      ['reasoning', 1],
    ]);
  });

  it('filters by tag', () => {
    expect(ids(queryQueue(library, { ...all, tag: 'video' }))).toEqual(['2', '4']);
    expect(queryQueue(library, { ...all, tag: 'none' })).toEqual([]);
  });
});

describe('search', () => {
  it.each([
    ['title', 'attention', ['1']],
    ['title, any case', 'ZEBRA', ['3']],
    ['authors', 'lovelace', ['1']],
    ['summary', 'latent', ['2']],
    ['tags', 'reasoning', ['3']],
    ['notes', 'compare', ['3']],
    ['title and note', 'ada', ['1', '3']],
    ['every word, anywhere', 'video  scale', ['2']],
    ['part of a word', 'bench', ['4']],
    ['nothing', 'quantum', []],
  ])('finds papers by %s (%j)', (_what, search, expected) => {
    expect(ids(queryQueue(library, { ...all, search }))).toEqual(expected);
  });

  it('ignores blank searches', () => {
    expect(queryQueue(library, { ...all, search: '   ' })).toHaveLength(4);
  });

  it('knows when a new search can only narrow the last one', () => {
    const f = (search: string, view: 'all' | 'read' = 'all') => ({ view, tag: '', search });
    expect(refines(f(''), f('a'))).toBe(true);
    expect(refines(f('dif'), f('diff'))).toBe(true);
    expect(refines(f('diff'), f('diff vid'))).toBe(true);
    expect(refines(f('diff'), f('dif'))).toBe(false);
    expect(refines(f('diff vid'), f('diff'))).toBe(false);
    expect(refines(f('a'), f('a', 'read'))).toBe(false);
  });
});

describe('sort', () => {
  it.each<[SortKey, string[]]>([
    ['saved', ['2', '1', '4', '3']],
    ['published', ['2', '4', '1', '3']],
    ['upvotes', ['2', '1', '4', '3']],
    ['title', ['1', '4', '2', '3']],
  ])('by %s: unread first, then newest / most / A to Z', (sort, expected) => {
    expect(ids(queryQueue(library, { ...all, sort }))).toEqual(expected);
  });

  it('keeps pinned papers on top, most recently pinned first, in any order', () => {
    const pinned = library.map((e) =>
      e.id.endsWith('4') ? { ...e, pinnedAt: 10 } : e.id.endsWith('3') ? { ...e, pinnedAt: 20 } : e,
    );
    for (const sort of ['saved', 'title', 'upvotes', 'published'] as SortKey[]) {
      expect(ids(queryQueue(pinned, { ...all, sort })).slice(0, 2)).toEqual(['3', '4']);
    }
  });

  it('sorts titles naturally and papers without a date last', () => {
    const titled = [
      entry('2401.00011', { title: 'Model 10' }),
      entry('2401.00012', { title: 'model 9' }),
      entry('2401.00013', { title: 'Ábaco' }),
    ];
    expect(ids(queryQueue(titled, { ...all, sort: 'title' }))).toEqual(['3', '2', '1']);
    const dated = [entry('2401.00021'), entry('2401.00022', { publishedAt: '2020-01-01' })];
    expect(ids(queryQueue(dated, { ...all, sort: 'published' }))).toEqual(['2', '1']);
  });

  it('breaks ties by id, so the order never flickers', () => {
    const same = [entry('2401.00032'), entry('2401.00031')];
    expect(ids(queryQueue(same, all))).toEqual(['1', '2']);
  });
});

describe('indexEntries', () => {
  it('reuses the search text of unchanged papers and rebuilds changed ones', () => {
    const cache = new Map();
    const [a, b] = indexEntries(library.slice(0, 2), cache);
    const again = indexEntries(
      [{ ...library[0], readAt: 5 } as QueueEntry, { ...library[1], note: 'New' } as QueueEntry],
      cache,
    );
    expect(again[0]?.haystack).toBe(a?.haystack);
    expect(again[0]?.markText).toBe(a?.markText);
    // The note is the user's text, kept apart from the paper's.
    expect(again[1]?.markText).not.toBe(b?.markText);
    expect(again[1]?.markText).toMatch(/new$/);
    expect([...cache.keys()]).toEqual([library[0]?.id, library[1]?.id]);
  });
});

describe('FilterJob', () => {
  const big = Array.from({ length: 2000 }, (_, i) =>
    entry(`2402.${String(10000 + i)}`, { title: i % 3 === 0 ? 'alpha beta' : 'gamma', savedAt: i }),
  );
  const sorted = sortIndexed(indexEntries(big), 'saved');
  const filter = { view: 'all' as const, tag: '', search: 'alpha' };

  it('stops when asked and resumes to the same result as filtering at once', () => {
    const job = new FilterJob(sorted, filter);
    job.step(() => job.found.length >= 10);
    expect(job.done).toBe(false);
    expect(job.found.length).toBeGreaterThanOrEqual(10);
    while (!job.done) job.step(() => true);
    expect(job.found).toEqual(filterIndexed(sorted, filter));
  });

  it('narrows an earlier result to the same answer as a fresh search', () => {
    const first = new FilterJob(sorted, filter);
    first.step(() => false);
    const narrowed = new FilterJob(first.found, { ...filter, search: 'alpha bet' }, sorted);
    narrowed.step(() => false);
    expect(narrowed.found).toEqual(filterIndexed(sorted, { ...filter, search: 'alpha bet' }));
    expect(narrowed.library).toBe(sorted);
  });
});
