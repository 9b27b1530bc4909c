/** The reading queue as extension pages show it: saved papers with what we know of them. */
import type { PaperQueueDB, PaperRecord } from './database';

export interface QueueEntry {
  id: string;
  title: string;
  authors: string[];
  publishedAt?: string;
  savedAt: number;
  readAt: number;
}

/** Unread first, then newest saved first; ties broken by id so the order is stable. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  const unread = Number(a.readAt > 0) - Number(b.readAt > 0);
  if (unread !== 0) return unread;
  if (a.savedAt !== b.savedAt) return b.savedAt - a.savedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function toQueueEntry(
  mark: { id: string; savedAt: number; readAt: number },
  paper: PaperRecord | undefined,
): QueueEntry {
  return {
    id: mark.id,
    // A paper saved through an import may not have been seen yet: show its id.
    title: paper?.title ?? mark.id,
    authors: paper?.authors ?? [],
    publishedAt: paper?.publishedAt,
    savedAt: mark.savedAt,
    readAt: mark.readAt,
  };
}

export async function loadQueue(db: PaperQueueDB): Promise<QueueEntry[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const marks = await db.marks.where('savedAt').above(0).toArray();
    const papers = await db.papers.bulkGet(marks.map((m) => m.id));
    return marks.map((mark, i) => toQueueEntry(mark, papers[i])).sort(compareQueueEntries);
  });
}
