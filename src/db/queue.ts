/** The reading queue as extension pages show it: saved papers with what we know of them. */
import type { PaperQueueDB } from './database';
import { type MarkRecord, type PaperRecord, queueOrder } from './records';

export interface QueueEntry {
  id: string;
  title: string;
  authors: string[];
  summary: string;
  publishedAt?: string;
  upvotes: number;
  savedAt: number;
  readAt: number;
  pinnedAt: number;
  tags: string[];
  note: string;
}

type QueueMark = Pick<MarkRecord, 'id' | 'savedAt' | 'readAt'> & Partial<MarkRecord>;

export function toQueueEntry(mark: QueueMark, paper: PaperRecord | undefined): QueueEntry {
  return {
    id: mark.id,
    // A paper saved through an import may not have been seen yet: show its id.
    title: paper?.title ?? mark.id,
    authors: paper?.authors ?? [],
    summary: paper?.summary ?? '',
    publishedAt: paper?.publishedAt,
    upvotes: paper?.upvotes ?? 0,
    savedAt: mark.savedAt,
    readAt: mark.readAt,
    pinnedAt: mark.pinnedAt ?? 0,
    tags: mark.tags ?? [],
    note: mark.note ?? '',
  };
}

/**
 * Reads every saved paper. Metadata found once is kept in `known` and not read again: at
 * 10,000 papers reading the papers table is most of the cost, and a liveQuery re-runs this
 * after every change to a mark. (Metadata refreshed while a page is open shows next time.)
 */
export async function loadSaved(
  db: PaperQueueDB,
  known: Map<string, PaperRecord | undefined> = new Map(),
): Promise<QueueEntry[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const marks = await db.marks.where('savedAt').above(0).toArray();
    const missing = marks.filter((m) => !known.has(m.id)).map((m) => m.id);
    if (missing.length > 0) {
      // One read of the whole table beats thousands of single reads when most are needed.
      const total = missing.length > 500 ? await db.papers.count() : Number.POSITIVE_INFINITY;
      const papers =
        missing.length * 2 > total
          ? await db.papers.toArray()
          : (await db.papers.bulkGet(missing)).filter((p) => p !== undefined);
      for (const paper of papers) known.set(paper.id, paper);
      for (const id of missing) if (!known.has(id)) known.set(id, undefined);
    }
    return marks.map((mark) => toQueueEntry(mark, known.get(mark.id)));
  });
}

/** The saved papers in the queue's order (records.ts: pins, unread, newest saved). */
export async function loadQueue(db: PaperQueueDB): Promise<QueueEntry[]> {
  return (await loadSaved(db)).sort(queueOrder());
}

/**
 * Just enough to draw the first screen of the default view before the whole library is read:
 * the pinned papers and the newest saved ones, unread first. Walks the savedAt index newest
 * first and stops after `count` papers of each kind, so it costs the same at any size.
 */
export async function loadFirstScreen(db: PaperQueueDB, count: number): Promise<QueueEntry[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const pinned = await db.marks.where('pinnedAt').above(0).toArray();
    const newest = (read: boolean) =>
      db.marks
        .orderBy('savedAt')
        .reverse()
        .filter((m) => m.savedAt > 0 && m.pinnedAt === 0 && m.readAt > 0 === read)
        .limit(count)
        .toArray();
    const unread = await newest(false);
    const read = unread.length < count ? await newest(true) : [];
    const marks = [...pinned.filter((m) => m.savedAt > 0), ...unread, ...read];
    const papers = await db.papers.bulkGet(marks.map((m) => m.id));
    return marks.map((mark, i) => toQueueEntry(mark, papers[i]));
  });
}

/**
 * Ids of every saved paper, from the keys of the savedAt index alone (no record is read):
 * what the library streams in after its first screen.
 */
export async function savedIds(db: PaperQueueDB): Promise<string[]> {
  return (await db.marks.where('savedAt').above(0).primaryKeys()) as string[];
}

/** The queue entries of these papers, read in one transaction; those not saved are left out. */
export async function loadEntries(db: PaperQueueDB, ids: readonly string[]): Promise<QueueEntry[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const [marks, papers] = await Promise.all([
      db.marks.bulkGet([...ids]),
      db.papers.bulkGet([...ids]),
    ]);
    const entries: QueueEntry[] = [];
    marks.forEach((mark, i) => {
      if (mark && mark.savedAt > 0) entries.push(toQueueEntry(mark, papers[i]));
    });
    return entries;
  });
}

/**
 * Every mark changed after version `since` (one clock for the whole database, see marks.ts),
 * with the metadata of those saved whose metadata `known` does not hold: a library that
 * streamed in keeps up with the database by reading only what changed.
 */
export async function changesSince(
  db: PaperQueueDB,
  since: number,
  known: (id: string) => boolean,
): Promise<{ marks: MarkRecord[]; papers: Map<string, PaperRecord> }> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const marks = await db.marks.where('updatedAt').above(since).toArray();
    const wanted = marks.filter((m) => m.savedAt > 0 && !known(m.id)).map((m) => m.id);
    const papers = new Map<string, PaperRecord>();
    if (wanted.length > 0) {
      for (const paper of await db.papers.bulkGet(wanted)) if (paper) papers.set(paper.id, paper);
    }
    return { marks, papers };
  });
}
