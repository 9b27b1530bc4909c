/**
 * What the queue shows, as pure functions: which view, which tag, which search, in which
 * order. Kept free of Preact and the database so they are cheap to test and to run on every
 * keystroke over 10,000 papers.
 *
 * Order of work matters for speed: sort once when the data or the sort key changes, then
 * filter the sorted list on each keystroke (filtering keeps the order).
 */
import type { QueueEntry } from '../../db/queue';
import { queueOrder } from '../../db/records';

export type QueueViewName = 'queue' | 'read' | 'all';
export type SortKey = 'saved' | 'published' | 'upvotes' | 'title';

export const VIEW_LABELS: Record<QueueViewName, string> = {
  queue: 'Queue',
  read: 'Read',
  all: 'All saved',
};

export const SORT_LABELS: Record<SortKey, string> = {
  saved: 'Date saved',
  published: 'Publication date',
  upvotes: 'Upvotes',
  title: 'Title',
};

export interface ViewCounts {
  queue: number;
  read: number;
  all: number;
}

export function countViews(entries: readonly QueueEntry[]): ViewCounts {
  let read = 0;
  for (const entry of entries) if (entry.readAt > 0) read++;
  return { queue: entries.length - read, read, all: entries.length };
}

export function inView(entry: QueueEntry, view: QueueViewName): boolean {
  if (view === 'queue') return entry.readAt === 0;
  if (view === 'read') return entry.readAt > 0;
  return true;
}

/** Every tag in use, with how many saved papers carry it, most used first. */
export function tagCounts(entries: readonly QueueEntry[]): [tag: string, count: number][] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * A sortable entry with its lower-cased search text computed once, not per keystroke: what
 * the site says (title, authors, summary) apart from what the user wrote (tags, note), so a
 * change of tags or note never needs the summary again (the library keeps no other copy).
 */
export interface IndexedEntry {
  entry: QueueEntry;
  /** Title, authors and summary, lower-cased. */
  haystack: string;
  /** Tags and note, lower-cased. */
  markText: string;
}

/**
 * The text a search looks in: title, authors, summary, tags and note, lower-cased once.
 * (Keeping only distinct words was tried: building it cost more than scanning saves.)
 */
export function haystackOf(entry: QueueEntry): string {
  return `${paperTextOf(entry)}\n${markTextOf(entry)}`;
}

export function paperTextOf(entry: Pick<QueueEntry, 'title' | 'authors' | 'summary'>): string {
  return [entry.title, entry.authors.join(' '), entry.summary].join('\n').toLowerCase();
}

export function markTextOf(entry: Pick<QueueEntry, 'tags' | 'note'>): string {
  return [entry.tags.join(' '), entry.note].join('\n').toLowerCase();
}

/** True when two versions of a paper have the same searchable text. */
function sameText(a: QueueEntry, b: QueueEntry): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.note === b.note &&
    a.authors.join('\n') === b.authors.join('\n') &&
    a.tags.join('\n') === b.tags.join('\n')
  );
}

/**
 * Pairs each entry with its search text. With `cache` (from the previous call), a paper whose
 * text did not change keeps its old text: after marking one paper read, the library is
 * re-read but not re-lower-cased. The cache is updated to hold exactly `entries`.
 */
export function indexEntries(
  entries: readonly QueueEntry[],
  cache?: Map<string, IndexedEntry>,
): IndexedEntry[] {
  const indexed = entries.map((entry) => {
    const old = cache?.get(entry.id);
    return old && sameText(old.entry, entry)
      ? { entry, haystack: old.haystack, markText: old.markText }
      : indexEntry(entry);
  });
  if (cache) {
    cache.clear();
    for (const item of indexed) cache.set(item.entry.id, item);
  }
  return indexed;
}

export function indexEntry(entry: QueueEntry): IndexedEntry {
  return { entry, haystack: paperTextOf(entry), markText: markTextOf(entry) };
}

/** Search words: every word must appear somewhere (title, authors, summary, tags, note). */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesTerms(haystack: string, terms: readonly string[], also = ''): boolean {
  // A term holds no space, and the texts are joined by line breaks: a term found in neither
  // part could not have been found in the two joined either.
  for (const term of terms) if (!haystack.includes(term) && !also.includes(term)) return false;
  return true;
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Newest first for dates and most first for upvotes; A to Z for titles. */
const COMPARE: Record<SortKey, (a: QueueEntry, b: QueueEntry) => number> = {
  saved: (a, b) => b.savedAt - a.savedAt,
  published: (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  upvotes: (a, b) => b.upvotes - a.upvotes,
  title: (a, b) => titleCollator.compare(a.title, b.title),
};

/**
 * The queue's order (records.ts: pinned first, then unread before read, so "All saved"
 * still reads as a queue) with the chosen sort inside it; ties by id, so it is stable.
 */
export function compareBy(sort: SortKey) {
  return queueOrder<QueueEntry>(COMPARE[sort]);
}

export function sortIndexed(items: readonly IndexedEntry[], sort: SortKey): IndexedEntry[] {
  const compare = compareBy(sort);
  return [...items].sort((a, b) => compare(a.entry, b.entry));
}

export interface QueueFilter {
  view: QueueViewName;
  /** Only papers with this tag; '' for any. */
  tag: string;
  search: string;
}

export function matchesFilter(item: IndexedEntry, filter: QueueFilter, terms: string[]): boolean {
  const { entry } = item;
  if (!inView(entry, filter.view)) return false;
  if (filter.tag && !entry.tags.includes(filter.tag)) return false;
  return terms.length === 0 || matchesTerms(item.haystack, terms, item.markText);
}

/** The entries to show, in the order of `sorted`. */
export function filterIndexed(
  sorted: readonly IndexedEntry[],
  filter: QueueFilter,
): IndexedEntry[] {
  const terms = searchTerms(filter.search);
  return sorted.filter((item) => matchesFilter(item, filter, terms));
}

/**
 * True when everything `next` matches, `previous` matched too, so `next` may filter the
 * previous result instead of the whole library (typing on narrows the search): same view and
 * tag, and each earlier term is part of some new term.
 */
export function refines(previous: QueueFilter, next: QueueFilter): boolean {
  if (previous.view !== next.view || previous.tag !== next.tag) return false;
  const nextTerms = searchTerms(next.search);
  return searchTerms(previous.search).every((old) => nextTerms.some((t) => t.includes(old)));
}

/**
 * A filter run that can stop and resume, so a search over 10,000 papers never holds the main
 * thread for long: `step` works until `stop()` says so, and can be called again.
 */
export class FilterJob {
  readonly found: IndexedEntry[] = [];
  private next = 0;
  private readonly terms: string[];

  /**
   * @param source what to filter: the sorted library, or an earlier result it narrows
   * @param library the sorted library the result belongs to (to know when it is stale)
   */
  constructor(
    readonly source: readonly IndexedEntry[],
    readonly filter: QueueFilter,
    readonly library: readonly IndexedEntry[] = source,
  ) {
    this.terms = searchTerms(filter.search);
  }

  get done(): boolean {
    return this.next >= this.source.length;
  }

  /** Filters on until done or `stop()` is true (asked every 256 papers). */
  step(stop: () => boolean): void {
    const { source, found, terms, filter } = this;
    while (this.next < source.length) {
      const end = Math.min(source.length, this.next + 256);
      for (let i = this.next; i < end; i++) {
        const item = source[i] as IndexedEntry;
        if (matchesFilter(item, filter, terms)) found.push(item);
      }
      this.next = end;
      if (stop()) return;
    }
  }
}

/** Convenience for tests and one-off callers: sort, then filter, all at once. */
export function queryQueue(
  entries: readonly QueueEntry[],
  filter: QueueFilter & { sort: SortKey },
): QueueEntry[] {
  return filterIndexed(sortIndexed(indexEntries(entries), filter.sort), filter).map((i) => i.entry);
}
