/**
 * Export and import on the database: reading a scope for the exporters, the full backup,
 * and merging an import in one transaction. A bad file never gets here: callers parse and
 * validate the whole file first (src/shared/backup/).
 */
import { type Backup, type BackupPaper, buildBackup } from '../shared/backup/format';
import type { FoundPaper } from '../shared/backup/list-read';
import type { ExportEntry } from '../shared/export/entry';
import type { ExportScope } from '../shared/export/formats';
import { type Job, UNWATCHED } from '../shared/jobs';
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
import { takeSnapshot } from './snapshot-store';

export type { ImportReport };

/**
 * Papers read or written per step of a long import or restore, all inside its one
 * transaction: between steps it says how far it got and stops if it was cancelled (the
 * transaction is then aborted: nothing of it, its snapshot included, is kept).
 */
export const STEP = 2000;

/** `work` on `items` STEP at a time, saying "`phase`: done of total" between steps. */
async function inSteps<T>(
  items: readonly T[],
  job: Job,
  phase: string,
  work: (step: readonly T[], start: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += STEP) {
    job.check();
    await work(items.slice(start, start + STEP), start);
    job.report(phase, Math.min(items.length, start + STEP), items.length);
  }
  job.check();
}

/** A snapshot of the present first (when there is anything to keep), inside the import. */
async function snapshotFirst(db: PaperQueueDB, now: number, job: Job): Promise<void> {
  if ((await db.marks.count()) > 0) await takeSnapshot(db, 'import', now, job);
}

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

/**
 * The marks and papers of a scope, read STEP at a time in one read-only transaction (one
 * consistent view, which no writer waits for), saying how far it got.
 */
async function readScope(
  db: PaperQueueDB,
  scope: ExportScope,
  job: Job,
): Promise<{ marks: MarkRecord[]; papers: (PaperRecord | undefined)[] }> {
  return db.transaction('r', db.marks, db.papers, async () => {
    const ids = (
      scope.kind === 'everything'
        ? await db.marks.toCollection().primaryKeys()
        : await db.marks.where('savedAt').above(0).primaryKeys()
    ) as string[];
    const marks: MarkRecord[] = [];
    const papers: (PaperRecord | undefined)[] = [];
    await inSteps(ids, job, 'Reading papers', async (step) => {
      const [stepMarks, stepPapers] = await Promise.all([
        db.marks.bulkGet([...step]),
        db.papers.bulkGet([...step]),
      ]);
      stepMarks.forEach((raw, i) => {
        if (!raw) return;
        const mark = completeMark(raw);
        if (!inScope(mark, scope)) return;
        marks.push(mark);
        papers.push(stepPapers[i]);
      });
    });
    return { marks, papers };
  });
}

/** The papers of a scope, in the queue's order (records.ts: pins, unread, newest saved). */
export async function loadExportEntries(
  db: PaperQueueDB,
  scope: ExportScope,
  job: Job = UNWATCHED,
): Promise<ExportEntry[]> {
  const { marks, papers } = await readScope(db, scope, job);
  const paperOf = new Map(marks.map((mark, i) => [mark.id, papers[i]]));
  return marks.sort(queueOrder()).map((mark) => toExportEntry(mark, paperOf.get(mark.id)));
}

/** The backup of one scope: its marks and the papers they refer to. */
export async function readBackup(
  db: PaperQueueDB,
  scope: ExportScope,
  now = Date.now(),
  job: Job = UNWATCHED,
): Promise<Backup> {
  if (scope.kind === 'everything') {
    // Every paper, marked or not (a full backup), and every mark.
    return db.transaction('r', db.marks, db.papers, async () => {
      job.report('Reading papers', 0, 0);
      return readBackupFrom(db.papers, db.marks, now);
    });
  }
  const { marks, papers } = await readScope(db, scope, job);
  return buildBackup(
    papers.filter((p): p is PaperRecord => p !== undefined) as BackupPaper[],
    marks.map(toBackupMark),
    now,
  );
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
  job: Job = UNWATCHED,
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    await snapshotFirst(db, now, job);
    const version = await nextVersion(db, now);
    const ids = [...new Set([...backup.papers, ...backup.marks].map((r) => r.id))];
    const localPapers: (PaperRecord | undefined)[] = [];
    const localMarks: (MarkRecord | undefined)[] = [];
    await inSteps(ids, job, 'Reading what you have', async (step) => {
      const [papers, marks] = await Promise.all([
        db.papers.bulkGet([...step]),
        db.marks.bulkGet([...step]),
      ]);
      localPapers.push(...papers);
      localMarks.push(...marks);
    });
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
    await inSteps(paperWrites, job, 'Saving papers', (step) =>
      db.papers.bulkPut([...step]).then(() => {}),
    );
    await inSteps(markWrites, job, 'Saving your marks', (step) =>
      db.marks.bulkPut([...step]).then(() => {}),
    );
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
  job: Job = UNWATCHED,
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    await snapshotFirst(db, now, job);
    const version = await nextVersion(db, now);
    // Everything is read before anything is written: reads behind a growing set of writes
    // in one transaction get slower and slower.
    const local: (MarkRecord | undefined)[] = [];
    await inSteps(ids, job, 'Reading what you have', async (step) => {
      local.push(...(await db.marks.bulkGet([...step])));
    });
    const writes: MarkRecord[] = [];
    const changed: StateMap = {};
    ids.forEach((id, i) => {
      const mark = completeMark(local[i] ?? { id });
      if (mark.savedAt > 0) return;
      const next = intend(mark, { saved: true }, now, version, now);
      writes.push(next);
      changed[id] = stateOf(next);
    });
    await inSteps(writes, job, 'Saving papers', (step) =>
      db.marks.bulkPut([...step]).then(() => {}),
    );
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
  job: Job = UNWATCHED,
): Promise<ImportOutcome> {
  const version = await nextVersion(db, now);
  job.report('Reading your marks', 0, 0);
  const localMarks = new Map((await db.marks.toArray()).map((m) => [m.id, completeMark(m)]));
  const restored = new Map(backup.marks.map((m) => [m.id, fromBackupMark(m)]));
  // Its papers' metadata is put back over what the database has: a field the backup leaves
  // out (a snapshot holds no summaries) keeps the value the database has.
  await inSteps(backup.papers, job, 'Putting back papers', async (step) => {
    const local = await db.papers.bulkGet(step.map((p) => p.id));
    await db.papers.bulkPut(step.map((paper, i) => ({ ...local[i], ...paper })));
  });
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
  await inSteps(writes, job, 'Putting back your marks', (step) =>
    db.marks.bulkPut([...step]).then(() => {}),
  );
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
  job: Job = UNWATCHED,
): Promise<ImportOutcome> {
  return db.transaction('rw', db.papers, db.marks, db.snapshots, async () => {
    await snapshotFirst(db, now, job);
    const version = await nextVersion(db, now);
    const ids = papers.map((p) => p.id);
    const localMarks: (MarkRecord | undefined)[] = [];
    const localPapers: (PaperRecord | undefined)[] = [];
    await inSteps(ids, job, 'Reading what you have', async (step) => {
      const [marks, known] = await Promise.all([
        db.marks.bulkGet([...step]),
        db.papers.bulkGet([...step]),
      ]);
      localMarks.push(...marks);
      localPapers.push(...known);
    });
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
    await inSteps(paperWrites, job, 'Saving papers', (step) =>
      db.papers.bulkPut([...step]).then(() => {}),
    );
    await inSteps(markWrites, job, 'Saving your marks', (step) =>
      db.marks.bulkPut([...step]).then(() => {}),
    );
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
