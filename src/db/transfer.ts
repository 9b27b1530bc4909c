/**
 * Export and import on the database: reading a scope for the exporters, the full backup,
 * and merging an import in one transaction. A bad file never gets here: callers parse and
 * validate the whole file first (src/shared/backup/).
 */
import { type Backup, type BackupPaper, buildBackup } from '../shared/backup/format';
import type { FoundPaper } from '../shared/backup/list-read';
import type { ExportEntry } from '../shared/export/entry';
import type { ExportScope } from '../shared/export/formats';
import type { StateMap } from '../shared/model';
import { normalizeTags } from '../shared/tags';
import type { ImportReport } from '../shared/transfer-types';
import type { PaperQueueDB } from './database';
import { nextVersion } from './marks';
import { readBackupFrom } from './migration-snapshot';
import {
  completeMark,
  type Decisions,
  decide,
  decisionsOf,
  emptyMark,
  fromBackupMark,
  intend,
  isEmpty,
  type MarkRecord,
  merge,
  type PaperRecord,
  queueOrder,
  sameDecisions,
  stateOf,
  toBackupMark,
} from './records';

export type { ImportReport };

export interface ImportOutcome {
  report: ImportReport;
  /** New states of papers whose mark changed, for the open tabs. */
  changed: StateMap;
  /** Saved papers the import touched, for fetching their authors. */
  savedIds: string[];
}

function inScope(mark: MarkRecord, scope: ExportScope): boolean {
  switch (scope.kind) {
    case 'queue':
      return mark.savedAt > 0 && mark.readAt === 0;
    case 'read':
      return mark.savedAt > 0 && mark.readAt > 0;
    case 'saved':
      return mark.savedAt > 0;
    case 'tag':
      return mark.savedAt > 0 && mark.tags.includes(scope.tag);
    case 'everything':
      return true;
  }
}

export function toExportEntry(mark: MarkRecord, paper: PaperRecord | undefined): ExportEntry {
  return {
    id: mark.id,
    title: paper?.title ?? mark.id,
    authors: paper?.authors ?? [],
    summary: paper?.summary,
    publishedAt: paper?.publishedAt,
    savedAt: mark.savedAt,
    readAt: mark.readAt,
    tags: mark.tags,
    note: mark.note,
  };
}

/** The papers of a scope, in the queue's order (records.ts: pins, unread, newest saved). */
export async function loadExportEntries(
  db: PaperQueueDB,
  scope: ExportScope,
): Promise<ExportEntry[]> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const marks = (await db.marks.toArray())
      .map(completeMark)
      .filter((m) => inScope(m, scope))
      .sort(queueOrder());
    const papers = await db.papers.bulkGet(marks.map((m) => m.id));
    return marks.map((mark, i) => toExportEntry(mark, papers[i]));
  });
}

/** The backup of one scope: its marks and the papers they refer to. */
export async function readBackup(
  db: PaperQueueDB,
  scope: ExportScope,
  now = Date.now(),
): Promise<Backup> {
  return db.transaction('r', db.marks, db.papers, async () => {
    if (scope.kind === 'everything') return readBackupFrom(db.papers, db.marks, now);
    const marks = (await db.marks.toArray()).map(completeMark).filter((m) => inScope(m, scope));
    const papers = await db.papers.bulkGet(marks.map((m) => m.id));
    return buildBackup(
      papers.filter((p): p is PaperRecord => p !== undefined) as BackupPaper[],
      marks.map(toBackupMark),
      now,
    );
  });
}

/** Metadata is merged field by field; the more recently seen record wins a conflict. */
function mergePaperRecords(local: PaperRecord, incoming: BackupPaper): PaperRecord {
  const merged =
    incoming.lastSeenAt > local.lastSeenAt ? { ...local, ...incoming } : { ...incoming, ...local };
  return { ...merged, firstSeenAt: Math.min(local.firstSeenAt, incoming.firstSeenAt) };
}

const sameRecord = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges a backup into the database in one transaction: per paper and field, the later
 * decision wins (records.ts `merge`); nothing local is ever deleted.
 */
export async function importBackup(
  db: PaperQueueDB,
  backup: Backup,
  now = Date.now(),
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, async () => {
    const version = await nextVersion(db, now);
    const ids = [...new Set([...backup.papers, ...backup.marks].map((r) => r.id))];
    const [localPapers, localMarks] = await Promise.all([
      db.papers.bulkGet(ids),
      db.marks.bulkGet(ids),
    ]);
    const index = new Map(ids.map((id, i) => [id, i]));
    const touched = new Map<string, 'added' | 'updated'>();
    const paperWrites: PaperRecord[] = [];
    for (const incoming of backup.papers) {
      const local = localPapers[index.get(incoming.id) as number];
      const next = local ? mergePaperRecords(local, incoming) : incoming;
      if (local && sameRecord(local, next)) continue;
      paperWrites.push(next);
      touched.set(incoming.id, 'updated');
    }
    const markWrites: MarkRecord[] = [];
    const changed: StateMap = {};
    for (const wire of backup.marks) {
      const raw = localMarks[index.get(wire.id) as number];
      const local = raw ? completeMark(raw) : emptyMark(wire.id);
      const next = merge(local, fromBackupMark(wire), version);
      if (next === local) continue;
      markWrites.push(next);
      if (!sameDecisions(local, next)) {
        touched.set(wire.id, raw && !isEmpty(local) ? 'updated' : 'added');
      }
      changed[wire.id] = stateOf(next);
    }
    await db.papers.bulkPut(paperWrites);
    await db.marks.bulkPut(markWrites);
    const added = [...touched.values()].filter((t) => t === 'added').length;
    return {
      report: { added, updated: touched.size - added, unchanged: ids.length - touched.size },
      changed,
      savedIds: markWrites.filter((m) => m.savedAt > 0).map((m) => m.id),
    };
  });
}

/** Saves every listed paper not saved yet, in one transaction, decided now. */
export async function importIds(
  db: PaperQueueDB,
  ids: readonly string[],
  now = Date.now(),
): Promise<ImportOutcome> {
  return db.transaction('rw', db.marks, async () => {
    const version = await nextVersion(db, now);
    const local = await db.marks.bulkGet([...ids]);
    const writes: MarkRecord[] = [];
    const changed: StateMap = {};
    ids.forEach((id, i) => {
      const mark = completeMark(local[i] ?? { id });
      if (mark.savedAt > 0) return;
      const next = intend(mark, { saved: true }, now, version, now);
      writes.push(next);
      changed[id] = stateOf(next);
    });
    await db.marks.bulkPut(writes);
    return {
      report: { added: writes.length, updated: 0, unchanged: ids.length - writes.length },
      changed,
      savedIds: writes.map((m) => m.id),
    };
  });
}

/**
 * Makes the user's decisions exactly the backup's: each paper's decisions become the
 * backup's (or none, for papers not in it), decided now, so the restore is the latest
 * decision wherever the marks travel. Paper metadata in the backup is put back; other
 * metadata (papers never marked) is kept. Must run inside the caller's transaction
 * (restoring a snapshot first snapshots the present).
 */
export async function replaceWithBackup(
  db: PaperQueueDB,
  backup: Backup,
  now = Date.now(),
): Promise<ImportOutcome> {
  const version = await nextVersion(db, now);
  const localMarks = new Map((await db.marks.toArray()).map((m) => [m.id, completeMark(m)]));
  const restored = new Map(backup.marks.map((m) => [m.id, fromBackupMark(m)]));
  await db.papers.bulkPut(backup.papers);
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const changed: StateMap = {};
  const writes: MarkRecord[] = [];
  for (const id of new Set([...localMarks.keys(), ...restored.keys()])) {
    const was = localMarks.get(id) ?? emptyMark(id);
    const wanted = restored.get(id) ?? emptyMark(id);
    const next = decide(was, decisionsOf(wanted), now, version, now);
    if (isEmpty(was) && !isEmpty(wanted)) report.added++;
    else if (!isEmpty(was) && isEmpty(wanted)) report.removed = (report.removed ?? 0) + 1;
    else if (sameDecisions(was, wanted)) report.unchanged++;
    else report.updated++;
    if (next === was) continue;
    writes.push(next);
    changed[id] = stateOf(next);
  }
  await db.marks.bulkPut(writes);
  return {
    report,
    changed,
    savedIds: [...restored.values()].filter((m) => m.savedAt > 0).map((m) => m.id),
  };
}

/**
 * Merges what a list-like file (Markdown, BibTeX, RIS, CSL-JSON, CSV) says about papers, in
 * one transaction. The import is a decision made now, and it only adds: a paper not saved
 * is saved (at the file's `savedAt` if it has one, else now), a paper the file calls read is
 * marked read (at the file's `readAt`, else now), the file's tags are added and its note fills
 * an empty one. Nothing is unsaved, marked unread, untagged or overwritten. Metadata fills
 * what is missing; a paper never seen gets its record (first and last seen 0, so whatever the
 * site says later wins any merge).
 */
export async function importPapers(
  db: PaperQueueDB,
  papers: readonly FoundPaper[],
  now = Date.now(),
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, async () => {
    const version = await nextVersion(db, now);
    const ids = papers.map((p) => p.id);
    const [localMarks, localPapers] = await Promise.all([
      db.marks.bulkGet(ids),
      db.papers.bulkGet(ids),
    ]);
    const markWrites: MarkRecord[] = [];
    const paperWrites: PaperRecord[] = [];
    const changed: StateMap = {};
    let added = 0;
    let updated = 0;
    papers.forEach((found, i) => {
      const before = completeMark(localMarks[i] ?? { id: found.id });
      // An import only adds, decided now: it saves, marks read, adds tags, fills an empty
      // note; the file's own times become the saved/read times (never in the future).
      const stamp = (time: number | undefined) => (time && time > 0 && time <= now ? time : now);
      const fields: Partial<Decisions> = {};
      if (before.savedAt === 0) fields.savedAt = stamp(found.savedAt);
      if (found.read && before.readAt === 0) fields.readAt = stamp(found.readAt);
      const tags = found.tags?.length ? normalizeTags([...before.tags, ...found.tags]) : null;
      if (tags && tags.length !== before.tags.length) fields.tags = tags;
      if (!before.note && found.note) fields.note = found.note;
      const after = decide(before, fields, now, version, now);
      const markChanged = !sameDecisions(before, after);
      if (after !== before) markWrites.push(after);
      const paper = fillPaper(localPapers[i], found);
      if (paper) paperWrites.push(paper);
      if (before.savedAt === 0) added++;
      else if (markChanged || paper) updated++;
      if (after !== before) changed[found.id] = stateOf(after);
    });
    await db.papers.bulkPut(paperWrites);
    await db.marks.bulkPut(markWrites);
    return {
      report: { added, updated, unchanged: papers.length - added - updated },
      changed,
      savedIds: papers.filter((_, i) => !(localMarks[i]?.savedAt ?? 0)).map((p) => p.id),
    };
  });
}

/** The paper record with what the file adds (title of a new paper, missing authors, date). */
function fillPaper(local: PaperRecord | undefined, found: FoundPaper): PaperRecord | null {
  if (!local) {
    if (!found.title) return null;
    return {
      id: found.id,
      title: found.title,
      ...(found.authors?.length ? { authors: found.authors } : {}),
      ...(found.publishedAt ? { publishedAt: found.publishedAt } : {}),
      firstSeenAt: 0,
      lastSeenAt: 0,
    };
  }
  const next = { ...local };
  if (!local.authors?.length && found.authors?.length) next.authors = found.authors;
  if (local.publishedAt === undefined && found.publishedAt) next.publishedAt = found.publishedAt;
  return sameRecord(next, local) ? null : next;
}
