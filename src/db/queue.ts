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
