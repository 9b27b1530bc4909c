/** The reading queue as extension pages show it: saved papers with what we know of them. */
import type { MarkRecord, PaperQueueDB, PaperRecord } from './database';

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

/** Unread first, then newest saved first; ties broken by id so the order is stable. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  const unread = Number(a.readAt > 0) - Number(b.readAt > 0);
  if (unread !== 0) return unread;
  if (a.savedAt !== b.savedAt) return b.savedAt - a.savedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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

export async function loadQueue(db: PaperQueueDB): Promise<QueueEntry[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const marks = await db.marks.where('savedAt').above(0).toArray();
    const papers = await db.papers.bulkGet(marks.map((m) => m.id));
    return marks.map((mark, i) => toQueueEntry(mark, papers[i])).sort(compareQueueEntries);
  });
}
