/** Reading and writing the user's decisions. Every write is one transaction. */
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import { emptyMark, type MarkRecord, type PaperQueueDB, type PaperRecord } from './database';

export interface MarkChange {
  id: string;
  saved?: boolean;
  read?: boolean;
  paper?: PaperMeta;
}

export function stateOf(mark: MarkRecord | undefined): PaperState {
  return { saved: (mark?.savedAt ?? 0) > 0, read: (mark?.readAt ?? 0) > 0 };
}

export async function getStates(db: PaperQueueDB, ids: readonly string[]): Promise<StateMap> {
  const unique = [...new Set(ids)];
  const marks = await db.marks.bulkGet(unique);
  const states: StateMap = {};
  unique.forEach((id, i) => {
    states[id] = stateOf(marks[i]);
  });
  return states;
}

/** Merges fresh metadata into a stored record: known fields are refreshed, none are erased. */
export function mergePaper(
  existing: PaperRecord | undefined,
  seen: PaperMeta,
  now: number,
): PaperRecord {
  const fresh = Object.fromEntries(
    Object.entries(seen).filter(([, value]) => value !== undefined),
  ) as PaperMeta;
  return {
    ...existing,
    ...fresh,
    firstSeenAt: existing?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
}

async function upsertPapers(db: PaperQueueDB, papers: readonly PaperMeta[], now: number) {
  const existing = await db.papers.bulkGet(papers.map((p) => p.id));
  await db.papers.bulkPut(papers.map((paper, i) => mergePaper(existing[i], paper, now)));
}

/** Records papers a page showed and answers the user's decisions about them. */
export async function recordSeen(
  db: PaperQueueDB,
  papers: readonly PaperMeta[],
  now = Date.now(),
): Promise<StateMap> {
  const byId = new Map(papers.map((p) => [p.id, p]));
  return db.transaction('rw', db.papers, db.marks, async () => {
    await upsertPapers(db, [...byId.values()], now);
    return getStates(db, [...byId.keys()]);
  });
}

/**
 * Applies the intended marks (not a flip), so applying the same change twice is harmless.
 * Keeps the original savedAt/readAt when a mark is set again. Returns the new state and
 * whether anything changed.
 */
export async function applyMarks(
  db: PaperQueueDB,
  change: MarkChange,
  now = Date.now(),
): Promise<{ state: PaperState; changed: boolean }> {
  return db.transaction('rw', db.papers, db.marks, async () => {
    if (change.paper) await upsertPapers(db, [change.paper], now);
    const before = (await db.marks.get(change.id)) ?? emptyMark(change.id);
    const after: MarkRecord = {
      ...before,
      savedAt: nextStamp(before.savedAt, change.saved, now),
      readAt: nextStamp(before.readAt, change.read, now),
    };
    const changed = after.savedAt !== before.savedAt || after.readAt !== before.readAt;
    if (changed) await db.marks.put({ ...after, updatedAt: laterThan(before.updatedAt, now) });
    return { state: stateOf(after), changed };
  });
}

/**
 * The `updatedAt` of a write: `now`, unless the record already holds a later time. Two
 * contexts can take `now` in one order and commit in the other; the decision that committed
 * last must still be the latest by `updatedAt`, which is what merges and imports compare.
 */
function laterThan(previous: number, now: number): number {
  return Math.max(previous, now);
}

function nextStamp(current: number, wanted: boolean | undefined, now: number): number {
  if (wanted === undefined) return current;
  if (!wanted) return 0;
  return current > 0 ? current : now;
}

/**
 * Records that the paper's page was opened, and marks it read when `markRead` is set
 * (the user's "mark read on open" setting). One transaction, like every write.
 */
export async function recordOpened(
  db: PaperQueueDB,
  change: { id: string; paper?: PaperMeta; markRead: boolean },
  now = Date.now(),
): Promise<{ state: PaperState; changed: boolean }> {
  return db.transaction('rw', db.papers, db.marks, async () => {
    if (change.paper) await upsertPapers(db, [change.paper], now);
    const before = (await db.marks.get(change.id)) ?? emptyMark(change.id);
    const readAt = change.markRead ? nextStamp(before.readAt, true, now) : before.readAt;
    const changed = readAt !== before.readAt;
    await db.marks.put({
      ...before,
      readAt,
      openedAt: now,
      updatedAt: changed ? now : before.updatedAt,
    });
    return { state: stateOf({ ...before, readAt }), changed };
  });
}

/**
 * Applies intended marks to many papers in one transaction (all or nothing). Returns the new
 * state of every paper named, and the subset that changed.
 */
export async function applyManyMarks(
  db: PaperQueueDB,
  marks: Record<string, { saved?: boolean; read?: boolean }>,
  now = Date.now(),
): Promise<{ states: StateMap; changed: StateMap }> {
  const ids = Object.keys(marks);
  return db.transaction('rw', db.marks, async () => {
    const before = await db.marks.bulkGet(ids);
    const states: StateMap = {};
    const changed: StateMap = {};
    const writes: MarkRecord[] = [];
    ids.forEach((id, i) => {
      const old = before[i] ?? emptyMark(id);
      const wanted = marks[id] ?? {};
      const next = {
        ...old,
        savedAt: nextStamp(old.savedAt, wanted.saved, now),
        readAt: nextStamp(old.readAt, wanted.read, now),
      };
      states[id] = stateOf(next);
      if (next.savedAt !== old.savedAt || next.readAt !== old.readAt) {
        writes.push({ ...next, updatedAt: laterThan(old.updatedAt, now) });
        changed[id] = stateOf(next);
      }
    });
    await db.marks.bulkPut(writes);
    return { states, changed };
  });
}
