/** Metadata learnt from the paper API: what is missing is filled in, marks are never touched. */
import type { FetchedPaper } from '../shared/model';
import type { PaperQueueDB, PaperRecord } from './database';

/** Saved papers (of `ids`, or all) whose authors we do not know yet. */
export async function savedPapersWithoutAuthors(
  db: PaperQueueDB,
  ids?: readonly string[],
): Promise<string[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const marks = ids
      ? (await db.marks.bulkGet([...ids])).filter((m) => m !== undefined)
      : await db.marks.where('savedAt').above(0).toArray();
    const saved = marks.filter((m) => m.savedAt > 0).map((m) => m.id);
    const papers = await db.papers.bulkGet(saved);
    return saved.filter((_, i) => !papers[i]?.authors?.length);
  });
}

/** Fills in authors, summary, publication date (and the title of an unseen paper). */
export async function storeFetchedPaper(
  db: PaperQueueDB,
  fetched: FetchedPaper,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.papers, async () => {
    const existing = await db.papers.get(fetched.id);
    if (!existing && !fetched.title) return;
    const next: PaperRecord = existing
      ? { ...existing }
      : { id: fetched.id, title: fetched.title as string, firstSeenAt: now, lastSeenAt: now };
    if (!next.authors?.length && fetched.authors.length > 0) next.authors = fetched.authors;
    if (next.summary === undefined && fetched.summary) next.summary = fetched.summary;
    if (next.publishedAt === undefined && fetched.publishedAt) {
      next.publishedAt = fetched.publishedAt;
    }
    await db.papers.put(next);
  });
}
