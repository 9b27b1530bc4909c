/**
 * Writes the queue pages make beyond Save/Read: notes, tags, pins, bulk marks, and putting
 * marks back exactly as they were (Undo). Every call is one transaction, sets intended
 * values (never "flip"), and returns the states of the papers it changed, so the router can
 * announce them after the commit.
 */
import type { StateMap } from '../shared/model';
import { normalizeTags } from '../shared/tags';
import { emptyMark, type MarkRecord, type PaperQueueDB } from './database';
import { stateOf } from './marks';

export interface Annotation {
  id: string;
  note?: string;
  tags?: string[];
  pinned?: boolean;
}

/** The user's decisions about one paper, as Undo needs to put them back. */
export interface MarkSnapshot {
  id: string;
  savedAt: number;
  readAt: number;
  pinnedAt: number;
  tags: string[];
  note: string;
}

export function snapshotOf(mark: MarkRecord): MarkSnapshot {
  const { id, savedAt, readAt, pinnedAt, tags, note } = mark;
  return { id, savedAt, readAt, pinnedAt, tags: [...tags], note };
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

function sameMark(a: MarkRecord, b: MarkRecord): boolean {
  return (
    a.savedAt === b.savedAt &&
    a.readAt === b.readAt &&
    a.pinnedAt === b.pinnedAt &&
    a.note === b.note &&
    sameTags(a.tags, b.tags)
  );
}

/**
 * Reads, changes and writes the marks of `ids` in one transaction; keeps only records that
 * really changed. `change` returns the new record (or the same one for "no change").
 */
async function updateMarks(
  db: PaperQueueDB,
  ids: readonly string[],
  now: number,
  change: (before: MarkRecord) => MarkRecord,
): Promise<StateMap> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', db.marks, async () => {
    const stored = await db.marks.bulkGet(unique);
    const changed: MarkRecord[] = [];
    unique.forEach((id, i) => {
      const before = stored[i] ?? emptyMark(id);
      const after = change(before);
      if (!sameMark(before, after)) changed.push({ ...after, updatedAt: now });
    });
    await db.marks.bulkPut(changed);
    return Object.fromEntries(changed.map((mark) => [mark.id, stateOf(mark)]));
  });
}

const stamp = (current: number, wanted: boolean | undefined, now: number) =>
  wanted === undefined ? current : wanted ? current || now : 0;

/** Sets a paper's note, tags and/or pin. */
export function annotatePaper(db: PaperQueueDB, annotation: Annotation, now = Date.now()) {
  return updateMarks(db, [annotation.id], now, (before) => ({
    ...before,
    note: annotation.note ?? before.note,
    tags: annotation.tags ? normalizeTags(annotation.tags) : before.tags,
    pinnedAt: stamp(before.pinnedAt, annotation.pinned, now),
  }));
}

/** Adds and/or removes tags on many papers; tags already there stay where they are. */
export function tagMany(
  db: PaperQueueDB,
  change: { ids: readonly string[]; add?: string[]; remove?: string[] },
  now = Date.now(),
) {
  const add = normalizeTags(change.add ?? []);
  const remove = new Set(normalizeTags(change.remove ?? []));
  return updateMarks(db, change.ids, now, (before) => ({
    ...before,
    tags: normalizeTags([...before.tags, ...add].filter((tag) => !remove.has(tag))),
  }));
}

/** Puts marks back exactly as a snapshot recorded them (Undo of a remove or bulk action). */
export function restoreMarks(
  db: PaperQueueDB,
  snapshots: readonly MarkSnapshot[],
  now = Date.now(),
) {
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  return updateMarks(db, [...byId.keys()], now, (before) => {
    const snapshot = byId.get(before.id);
    return snapshot ? { ...before, ...snapshot, tags: normalizeTags(snapshot.tags) } : before;
  });
}
