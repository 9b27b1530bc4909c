// Writes decisions as a user's click would, for tests that need marks in the database: one
// paper, intended values, decided and written at `at`.
import type { PaperQueueDB } from '../../src/db/database';
import { applyIntents, type Written } from '../../src/db/marks';
import type { PaperMeta } from '../../src/shared/model';

export function markPaper(
  db: PaperQueueDB,
  change: { id: string; saved?: boolean; read?: boolean; paper?: PaperMeta },
  at: number,
): Promise<Written> {
  const { id, saved, read, paper } = change;
  return applyIntents(db, { [id]: { saved, read } }, at, at, { papers: paper ? [paper] : [] });
}

export function markPapers(
  db: PaperQueueDB,
  marks: Record<string, { saved?: boolean; read?: boolean }>,
  at: number,
): Promise<Written> {
  return applyIntents(db, marks, at, at);
}
