/**
 * Every write of the user's decisions, and reading them back as states. Each call is one
 * transaction and goes through the rules of records.ts (stamping, the later decision wins,
 * versions), so a card's click, the popup, the library and Undo all write the same way.
 */
import type { PaperMeta, StateMap } from '../shared/model';
import { normalizeTags } from '../shared/tags';
import type { PaperQueueDB } from './database';
import {
  type Decisions,
  decide,
  decisionsOf,
  emptyMark,
  type Intent,
  type MarkRecord,
  type PaperRecord,
  stampsFor,
  stateOf,
} from './records';

/**
 * The version of a write about to commit: later than every version the database holds (and
 * not before `now`), so versions are one clock for the whole database — a page can order a
 * reply about one paper against a shard of the mark index, and the index can catch up on
 * exactly the marks written after the version it reflects. Call inside the write's
 * transaction (it reads the `updatedAt` index's last key).
 */
export async function nextVersion(db: PaperQueueDB, now: number): Promise<number> {
  const last = await db.marks.orderBy('updatedAt').last();
  return Math.max(now, (last?.updatedAt ?? 0) + 1);
}

/** The database's latest mark version (0 when there is no mark). */
export async function latestVersion(db: PaperQueueDB): Promise<number> {
  return (await db.marks.orderBy('updatedAt').last())?.updatedAt ?? 0;
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
  if (papers.length === 0) return;
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

export interface Written {
  /** The state of every paper named, changed or not. */
  states: StateMap;
  /** The papers whose mark changed (their version moved). */
  changed: StateMap;
  /** Papers this write saved that were not saved before (their authors may be missing). */
  newlySaved: string[];
}

interface WriteOptions {
  /** Metadata recorded in the same transaction (a first Save also says what the paper is). */
  papers?: readonly PaperMeta[];
  /** Also record that the paper's page was opened now (not a decision). */
  opened?: boolean;
}

/**
 * The one way decisions are written: for each id, `fieldsFor(before)` gives the values the
 * user decided at `at`; records.ts decides what changes. One transaction, all or nothing.
 */
export async function writeDecisions(
  db: PaperQueueDB,
  ids: readonly string[],
  at: number,
  fieldsFor: (before: MarkRecord) => Partial<Decisions>,
  now: number,
  options: WriteOptions = {},
): Promise<Written> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', db.papers, db.marks, async () => {
    await upsertPapers(db, options.papers ?? [], now);
    const version = await nextVersion(db, now);
    const stored = await db.marks.bulkGet(unique);
    const written: Written = { states: {}, changed: {}, newlySaved: [] };
    const writes: MarkRecord[] = [];
    unique.forEach((id, i) => {
      const before = stored[i] ?? emptyMark(id);
      const after = decide(before, fieldsFor(before), at, version, now);
      const state = stateOf(after);
      written.states[id] = state;
      // Opening a page is recorded but is no decision: it moves no version, tells no tab,
      // and makes no record for a paper never decided on (else every paper page opened
      // would join "everything" in exports and count as data to back up).
      if (options.opened && (stored[i] || after !== before))
        writes.push({ ...after, openedAt: now });
      if (after === before) return;
      if (!options.opened) writes.push(after);
      written.changed[id] = state;
      if (after.savedAt > 0 && before.savedAt === 0) written.newlySaved.push(id);
    });
    await db.marks.bulkPut(writes);
    return written;
  });
}

/** Applies intended marks (never flips) to many papers, decided at `at`. */
export function applyIntents(
  db: PaperQueueDB,
  intents: Readonly<Record<string, Intent>>,
  at: number,
  now = Date.now(),
  options: WriteOptions = {},
): Promise<Written> {
  return writeDecisions(
    db,
    Object.keys(intents),
    at,
    (before) => stampsFor(before, intents[before.id] ?? {}, at),
    now,
    options,
  );
}

/** Adds and/or removes tags on many papers; tags already there stay where they are. */
export function tagMany(
  db: PaperQueueDB,
  change: { ids: readonly string[]; add?: readonly string[]; remove?: readonly string[] },
  at: number,
  now = Date.now(),
): Promise<Written> {
  const add = normalizeTags(change.add ?? []);
  const remove = new Set(normalizeTags(change.remove ?? []));
  return writeDecisions(
    db,
    change.ids,
    at,
    (before) => ({ tags: normalizeTags([...before.tags, ...add].filter((t) => !remove.has(t))) }),
    now,
  );
}

/** Puts decisions back exactly as they were before a change (Undo), as a new decision. */
export function restoreDecisions(
  db: PaperQueueDB,
  snapshots: readonly (Decisions & { id: string })[],
  at: number,
  now = Date.now(),
): Promise<Written> {
  const byId = new Map(snapshots.map((s) => [s.id, decisionsOf(s)]));
  return writeDecisions(
    db,
    [...byId.keys()],
    at,
    (before) => {
      const fields = byId.get(before.id);
      return fields ? { ...fields, tags: normalizeTags(fields.tags) } : {};
    },
    now,
  );
}

/**
 * Records that the paper's page was opened, and marks it read when `markRead` is set (the
 * user's "mark read on open" setting).
 */
export function recordOpened(
  db: PaperQueueDB,
  change: { id: string; paper?: PaperMeta; markRead: boolean },
  now = Date.now(),
): Promise<Written> {
  const intent: Intent = change.markRead ? { read: true } : {};
  return applyIntents(db, { [change.id]: intent }, now, now, {
    papers: change.paper ? [change.paper] : [],
    opened: true,
  });
}
