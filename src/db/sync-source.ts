/**
 * The database side of browser sync: the decisions this device tells the others (the synced
 * fields it decided itself, or imported), and merging what another device told. Both go
 * through the mark rules (records.ts): per field, the later decision wins.
 */
import type { StateMap } from '../shared/model';
import { SYNCED_FIELDS, type SyncDecision, type SyncedField } from '../shared/sync-format';
import type { PaperQueueDB } from './database';
import { nextVersion } from './marks';
import { completeMark, emptyMark, type MarkRecord, merge, stateOf } from './records';

/**
 * A decision to turn something off (unsave, unread, unpin) travels this long: long enough
 * to reach every device that is used at all; after it, a device that was away longer may
 * bring back what it still holds.
 */
export const TOMBSTONE_LIFETIME_MS = 90 * 24 * 3600_000;

/** A paper with the synced decisions this device tells of it. */
export interface OwnMark {
  id: string;
  saved: boolean;
  read: boolean;
  /** When it was marked read (or unread): the oldest read, unsaved ones leave first. */
  readClock: number;
  decisions: SyncDecision[];
}

/** The synced decisions this device made or imported (not those that came from another). */
export async function ownDecisions(db: PaperQueueDB, now: number): Promise<OwnMark[]> {
  const marks: OwnMark[] = [];
  await db.marks.each((raw) => {
    const mark = completeMark(raw);
    const decisions: SyncDecision[] = [];
    for (const field of SYNCED_FIELDS) {
      const clock = mark.clock[field];
      if (clock <= 0 || mark.origin?.[field]) continue;
      const stamp = mark[field];
      if (stamp === 0 && clock < now - TOMBSTONE_LIFETIME_MS) continue;
      decisions.push({ id: mark.id, field, stamp, clock });
    }
    if (decisions.length === 0) return;
    marks.push({
      id: mark.id,
      saved: mark.savedAt > 0,
      read: mark.readAt > 0,
      readClock: mark.clock.readAt,
      decisions,
    });
  });
  return marks;
}

export interface Merged {
  /** Papers whose mark changed, with their new state (for the index and the tabs). */
  changed: StateMap;
  newlySaved: string[];
  /** How many of this device's own decisions the other device's replaced. */
  replacedOwn: number;
}

/**
 * The stored marks of `ids`, in their order. Dexie's bulkGet asks IndexedDB once per id, which
 * Chromium answers several times slower than one read of the whole table (10,000 marks:
 * about 300 ms against 45 ms), so a merge that names a good share of the table reads all of it.
 */
async function storedMarks(
  db: PaperQueueDB,
  ids: readonly string[],
): Promise<(MarkRecord | undefined)[]> {
  if (ids.length < 1000 || ids.length * 4 < (await db.marks.count())) {
    return db.marks.bulkGet([...ids]);
  }
  const byId = new Map<string, MarkRecord>();
  for (const mark of await db.marks.toArray()) byId.set(mark.id, mark);
  return ids.map((id) => byId.get(id));
}

/**
 * Whether the stored mark already holds decision `d` or a later one, so merging it changes
 * nothing (records.ts `merge` skips the same cases). Anything else goes through `merge`.
 */
function holds(raw: MarkRecord, d: SyncDecision): boolean {
  const clock = raw.clock?.[d.field];
  if (typeof clock !== 'number') return false;
  return d.clock < clock || (d.clock === clock && raw[d.field] === d.stamp);
}

/** Merges one other device's decisions, in one transaction. */
export async function mergeRemote(
  db: PaperQueueDB,
  device: string,
  decisions: readonly SyncDecision[],
  now: number,
): Promise<Merged> {
  const byId = new Map<string, SyncDecision[]>();
  for (const d of decisions) {
    const list = byId.get(d.id);
    if (list) list.push(d);
    else byId.set(d.id, [d]);
  }
  const ids = [...byId.keys()];
  return db.transaction('rw', db.marks, async () => {
    const version = await nextVersion(db, now);
    const stored = await storedMarks(db, ids);
    const merged: Merged = { changed: {}, newlySaved: [], replacedOwn: 0 };
    const writes: MarkRecord[] = [];
    ids.forEach((id, i) => {
      const raw = stored[i];
      const told = byId.get(id) ?? [];
      // Every sync after the first tells mostly what this mark already holds: skip those
      // papers before copying anything (most of a 10,000-decision merge's time otherwise).
      if (raw && told.every((d) => holds(raw, d))) return;
      const local = raw ? completeMark(raw) : emptyMark(id);
      const incoming = emptyMark(id);
      const fields: SyncedField[] = [];
      for (const d of told) {
        incoming[d.field] = d.stamp;
        incoming.clock[d.field] = d.clock;
        fields.push(d.field);
      }
      const next = merge(local, incoming, version, device, fields);
      if (next === local) return;
      for (const field of fields) {
        if (!local.origin?.[field] && next.origin?.[field] && local.clock[field] > 0) {
          merged.replacedOwn++;
        }
      }
      writes.push(next);
      merged.changed[id] = stateOf(next);
      if (next.savedAt > 0 && local.savedAt === 0) merged.newlySaved.push(id);
    });
    await db.marks.bulkPut(writes);
    return merged;
  });
}

/**
 * Makes this device the teller of every decision that came from a device not in `present`
 * (it turned sync off, or was retired for silence): those decisions must stay in the area
 * for the devices that have not heard them yet. Only the bookkeeping changes (the marks'
 * `origin`), not what they say, so the mark's version stays. Returns how many fields.
 */
export async function adoptDecisions(
  db: PaperQueueDB,
  present: ReadonlySet<string>,
): Promise<number> {
  return db.transaction('rw', db.marks, async () => {
    let adopted = 0;
    const writes: MarkRecord[] = [];
    await db.marks.each((mark) => {
      const origin = mark.origin;
      if (!origin) return;
      const kept: NonNullable<MarkRecord['origin']> = {};
      let changed = false;
      for (const [field, device] of Object.entries(origin) as [SyncedField, string][]) {
        if (present.has(device)) kept[field] = device;
        else {
          changed = true;
          adopted++;
        }
      }
      if (!changed) return;
      const next: MarkRecord = { ...mark };
      if (Object.keys(kept).length > 0) next.origin = kept;
      else delete next.origin;
      writes.push(next);
    });
    await db.marks.bulkPut(writes);
    return adopted;
  });
}
