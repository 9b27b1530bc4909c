/**
 * The rules of a mark, in one place: what a mark holds, what an empty one is, how an intended
 * change is stamped, which of two decisions wins, and the queue's order. Every writer (a
 * card's click, the popup, an import, a restore, a merge) goes through these functions, so
 * more writers never mean more reconciliation code. Pure; imports no other db file.
 *
 * **Decisions and their clocks.** Each field the user decides (saved, read, pinned, tags,
 * note) keeps the time that decision was made (`clock`), and a field only ever takes a
 * decision at least as late as the one it holds: the later decision wins, field by field.
 * So a click that reaches the database late (a stopped worker, a delayed message) cannot
 * undo a newer decision made elsewhere, and two contexts changing different fields of one
 * paper both keep their change. Decision times come from the context the user acted in.
 *
 * **Versions.** `updatedAt` is the mark's version: every committed change makes it strictly
 * greater (and never earlier than the clock). Every state a context receives carries it, and
 * contexts ignore a state older than the newest they have seen.
 */
import type { BackupMark } from '../shared/backup/format';
import type { MarkState, PaperMeta } from '../shared/model';
import { normalizeTags } from '../shared/tags';

export interface PaperRecord extends PaperMeta {
  firstSeenAt: number;
  lastSeenAt: number;
}

/** What the user decided about one paper, as stored. Timestamps double as flags (0 = off). */
export interface Decisions {
  /** When the paper was saved to the queue; 0 when it is not saved. */
  savedAt: number;
  /** When the paper was marked read; 0 when it is unread. */
  readAt: number;
  /** When the paper was pinned to the top of the queue; 0 when it is not pinned. */
  pinnedAt: number;
  /** The user's tags, normalised (src/shared/tags.ts). */
  tags: string[];
  /** The user's note; '' when there is none. */
  note: string;
}

export type DecisionField = keyof Decisions;
export const DECISION_FIELDS: readonly DecisionField[] = [
  'savedAt',
  'readAt',
  'pinnedAt',
  'tags',
  'note',
];

/** When each field was last decided (ms since the epoch; 0 = never). */
export type FieldClock = Record<DecisionField, number>;

export interface MarkRecord extends Decisions {
  id: string;
  /** The mark's version: strictly greater after every committed change. */
  updatedAt: number;
  /** When each decision was made: the later decision wins, field by field. (schema v3) */
  clock: FieldClock;
  /**
   * Which other device made the decision a field holds, for decisions that arrived through
   * browser sync; a field not named here was decided on this device (or imported here), and
   * this device is the one that tells the others of it. Absent when every field is ours.
   */
  origin?: Partial<Record<DecisionField, string>>;
  /** When the user last opened the paper's own page; absent when never. (not a decision) */
  openedAt?: number;
}

/** A change the user asked for: intended values, never "flip", so a resend is harmless. */
export interface Intent {
  saved?: boolean;
  read?: boolean;
  pinned?: boolean;
  tags?: readonly string[];
  note?: string;
}

const NO_DECISIONS: Readonly<Decisions> = Object.freeze({
  savedAt: 0,
  readAt: 0,
  pinnedAt: 0,
  tags: [] as string[],
  note: '',
});

const clockAt = (at: number): FieldClock => ({
  savedAt: at,
  readAt: at,
  pinnedAt: at,
  tags: at,
  note: at,
});

/** A mark before the user decided anything: what a missing record means. */
export function emptyMark(id: string): MarkRecord {
  return { id, ...NO_DECISIONS, tags: [], updatedAt: 0, clock: clockAt(0) };
}

/**
 * A mark as stored by any schema version (or an older backup), with every field of the
 * newest: v1 had no pin, tags or note; before v3 there was no clock, so each field counts as
 * decided when the mark last changed.
 */
export function completeMark(stored: Partial<MarkRecord> & { id: string }): MarkRecord {
  const updatedAt = stored.updatedAt ?? 0;
  return {
    ...emptyMark(stored.id),
    ...stored,
    tags: stored.tags ?? [],
    note: stored.note ?? '',
    pinnedAt: stored.pinnedAt ?? 0,
    updatedAt,
    clock: { ...clockAt(updatedAt), ...stored.clock },
  };
}

export function decisionsOf(mark: Decisions): Decisions {
  const { savedAt, readAt, pinnedAt, tags, note } = mark;
  return { savedAt, readAt, pinnedAt, tags: [...tags], note };
}

/** What a page shows of a mark, with its version. */
export function stateOf(mark: MarkRecord | undefined): MarkState {
  return {
    saved: (mark?.savedAt ?? 0) > 0,
    read: (mark?.readAt ?? 0) > 0,
    v: mark?.updatedAt ?? 0,
  };
}

export function isEmpty(mark: Decisions): boolean {
  return sameDecisions(mark, NO_DECISIONS);
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

function sameValue(field: DecisionField, a: Decisions, b: Decisions): boolean {
  return field === 'tags' ? sameTags(a.tags, b.tags) : a[field] === b[field];
}

export function sameDecisions(a: Decisions, b: Decisions): boolean {
  return DECISION_FIELDS.every((field) => sameValue(field, a, b));
}

/**
 * A decision's time as recorded: never later than the background's clock, so a context whose
 * clock runs ahead cannot make its decisions unbeatable.
 */
export function decisionTime(at: number | undefined, now: number): number {
  return at === undefined || !Number.isFinite(at) ? now : Math.min(Math.max(0, at), now);
}

/**
 * Stamping: the stored values an intent means for this mark. Setting a flag that is already
 * set keeps its original time (a paper saved last week stays saved last week); clearing
 * makes it 0; tags are normalised.
 */
export function stampsFor(mark: Decisions, intent: Intent, at: number): Partial<Decisions> {
  const stamp = (current: number, wanted: boolean) => (wanted ? current || at : 0);
  const fields: Partial<Decisions> = {};
  if (intent.saved !== undefined) fields.savedAt = stamp(mark.savedAt, intent.saved);
  if (intent.read !== undefined) fields.readAt = stamp(mark.readAt, intent.read);
  if (intent.pinned !== undefined) fields.pinnedAt = stamp(mark.pinnedAt, intent.pinned);
  if (intent.tags !== undefined) fields.tags = normalizeTags(intent.tags);
  if (intent.note !== undefined) fields.note = intent.note;
  return fields;
}

function latestClock(mark: MarkRecord): number {
  let latest = 0;
  for (const field of DECISION_FIELDS) latest = Math.max(latest, mark.clock[field]);
  return latest;
}

/**
 * The version of a mark that changed: the write's version (src/db/marks.ts `nextVersion`,
 * later than any in the database), never earlier than the mark's own clock or version.
 */
function nextVersion(mark: MarkRecord, version: number): number {
  return Math.max(mark.updatedAt + 1, version, latestClock(mark));
}

/**
 * Applies field values decided at `at`, in a write of version `version`. A field takes the
 * decision unless it holds a later one; a decision of the value it already has still records
 * its newer time (so an older opposite decision arriving afterwards cannot win). The same
 * decision delivered twice changes nothing. Returns the new record, or `mark` itself when
 * nothing changed.
 *
 * `now` is when the decision is applied here. A held decision stamped after `now` came from
 * a device whose clock runs ahead (browser sync): it is already here, so it was made before
 * this one, which therefore comes out after it (its clock + 1) instead of losing to it.
 */
export function decide(
  mark: MarkRecord,
  fields: Partial<Decisions>,
  decidedAt: number,
  version: number,
  now = Number.POSITIVE_INFINITY,
): MarkRecord {
  let next: MarkRecord | null = null;
  for (const field of DECISION_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    const clock = mark.clock[field];
    const at = clock > now && decidedAt <= clock ? clock + 1 : decidedAt;
    if (at < clock) continue; // a later decision already holds this field
    const candidate = { ...mark, [field]: value } as Decisions;
    const same = sameValue(field, mark, candidate);
    if (same && at === clock) continue; // this very decision, delivered again
    next ??= { ...mark, tags: [...mark.tags], clock: { ...mark.clock } };
    (next as unknown as Record<string, unknown>)[field] = Array.isArray(value) ? [...value] : value;
    // A different value decided in the same millisecond as the held one must still come
    // out later, so that every copy of this mark orders the two the same way.
    next.clock[field] = !same && at === clock ? clock + 1 : at;
    setOrigin(next, field, undefined); // decided here
  }
  if (!next) return mark;
  next.updatedAt = nextVersion(next, version);
  return next;
}

/** Applies an intent decided at `at`: stamping, then the later decision wins. */
export function intend(
  mark: MarkRecord,
  intent: Intent,
  at: number,
  version: number,
  now?: number,
): MarkRecord {
  return decide(mark, stampsFor(mark, intent, at), at, version, now);
}

/** A stable order of two values of one field, for decisions made in the same millisecond. */
function valueRank(field: DecisionField, value: Decisions[DecisionField]): string {
  return field === 'tags' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
}

/** Records who made the decision `field` holds (undefined: this device). */
function setOrigin(mark: MarkRecord, field: DecisionField, device: string | undefined): void {
  if (device === undefined) {
    if (!mark.origin?.[field]) return;
    const { [field]: _gone, ...rest } = mark.origin;
    if (Object.keys(rest).length > 0) mark.origin = rest;
    else delete mark.origin;
  } else {
    mark.origin = { ...mark.origin, [field]: device };
  }
}

/**
 * Merges a mark known elsewhere into the local one: per field, the later decision wins; a
 * tie goes to the greater value, so every copy that sees both ends the same. `from` names
 * the device the incoming decisions were made on (browser sync); without it (an import)
 * they become this device's to tell. Only the fields in `fields` are merged (sync carries
 * some of them). Returns `local` itself when nothing changes.
 */
export function merge(
  local: MarkRecord,
  incoming: MarkRecord,
  version: number,
  from?: string,
  fields: readonly DecisionField[] = DECISION_FIELDS,
): MarkRecord {
  let next: MarkRecord | null = null;
  const edit = () => {
    next ??= { ...local, tags: [...local.tags], clock: { ...local.clock } };
    return next;
  };
  for (const field of fields) {
    const mine = local.clock[field];
    const theirs = incoming.clock[field];
    if (theirs < mine) continue;
    if (sameValue(field, local, incoming)) {
      if (theirs > mine) {
        edit().clock[field] = theirs;
        setOrigin(edit(), field, from);
      }
      continue;
    }
    if (theirs === mine && valueRank(field, incoming[field]) <= valueRank(field, local[field])) {
      continue;
    }
    const target = edit() as unknown as Record<string, unknown>;
    target[field] = field === 'tags' ? [...incoming.tags] : incoming[field];
    edit().clock[field] = theirs;
    setOrigin(edit(), field, from);
  }
  if (!next) return local;
  const merged: MarkRecord = next;
  // A write here like any other: its version comes from this database's clock.
  merged.updatedAt = nextVersion(merged, version);
  return merged;
}

/** The JSON backup's mark (its own versioned wire type), from a stored mark. */
export function toBackupMark(mark: MarkRecord): BackupMark {
  const { id, savedAt, readAt, updatedAt, pinnedAt, tags, note, clock } = mark;
  return { id, savedAt, readAt, updatedAt, pinnedAt, tags: [...tags], note, clock: { ...clock } };
}

/** A stored mark from a backup's (version 1 has no clock: completeMark fills it in). */
export function fromBackupMark(mark: BackupMark): MarkRecord {
  return completeMark({ ...mark, tags: normalizeTags(mark.tags) });
}

/** What the queue's order needs of a paper. */
export type Queued = Pick<Decisions, 'savedAt' | 'readAt' | 'pinnedAt'> & { id: string };

const byId = (a: Queued, b: Queued) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestSaved = (a: Queued, b: Queued) => b.savedAt - a.savedAt;

/**
 * The queue's order, used by the popup, the library, export and the database alike: pinned
 * papers first (most recently pinned on top), then unread before read, then `then` (newest
 * saved first unless a view sorts otherwise); ties by id, so the order is stable.
 */
export function queueOrder<T extends Queued>(
  then: (a: T, b: T) => number = newestSaved,
): (a: T, b: T) => number {
  return (a, b) =>
    b.pinnedAt - a.pinnedAt ||
    Number(a.readAt > 0) - Number(b.readAt > 0) ||
    then(a, b) ||
    byId(a, b);
}
