/**
 * Counts of marks that combine two conditions (saved and read, saved and tagged), from index
 * keys alone. IndexedDB has no index on two fields here, and a filtered count reads every
 * record through a cursor, one step each: at the whole corpus (50,000 marks) that took the
 * background ten seconds after every change (the toolbar badge), where reading the two
 * indexes' keys takes a few milliseconds.
 */
import type { PaperQueueDB } from './database';

const keys = async (collection: { primaryKeys: () => Promise<unknown[]> }) =>
  (await collection.primaryKeys()) as string[];

/** How many of `ids` are in `of`. */
function overlap(ids: readonly string[], of: ReadonlySet<string>): number {
  let n = 0;
  for (const id of ids) if (of.has(id)) n++;
  return n;
}

export interface SavedCounts {
  saved: number;
  /** Saved and read. */
  savedRead: number;
  /** Read, saved or not. */
  read: number;
}

export async function countSaved(db: PaperQueueDB): Promise<SavedCounts> {
  return db.transaction('r', db.marks, async () => {
    const [saved, read] = await Promise.all([
      keys(db.marks.where('savedAt').above(0)),
      keys(db.marks.where('readAt').above(0)),
    ]);
    const smaller = saved.length < read.length ? saved : read;
    const larger = new Set(smaller === saved ? read : saved);
    return { saved: saved.length, read: read.length, savedRead: overlap(smaller, larger) };
  });
}

/** Saved papers with this tag. */
export async function countSavedTagged(db: PaperQueueDB, tag: string): Promise<number> {
  return db.transaction('r', db.marks, async () => {
    const [tagged, saved] = await Promise.all([
      keys(db.marks.where('tags').equals(tag)),
      keys(db.marks.where('savedAt').above(0)),
    ]);
    return overlap(tagged, new Set(saved));
  });
}
