/**
 * Which papers the user has seen, for "New since your last visit" and Hide seen: one compact
 * record in storage.local (content scripts read it at document_start; the background alone
 * writes it, one change at a time, so two tabs never lose each other's papers). It is local
 * to this browser and never synced per paper.
 *
 * **Visits.** Views of listings with less than VISIT_GAP_MS between them are one visit. A
 * card is new when its paper was seen in no earlier visit (so it stays new on a reload in the
 * same visit). On the very first visit nothing is new: there is no last visit to be new since.
 *
 * **Seen** means on a listing you opened; with auto-seen on, only a card that stayed fully in
 * view for a few seconds (settings.ts). Seeing never marks a paper read.
 *
 * **Format** (`SEEN_FORMAT` 1): `{format, visitStart, lastAt, current, earlier}` where
 * `current` packs the ids first seen in the current visit and `earlier` is a list of
 * `[day, ids]`, the ids first seen in earlier visits by the day (days since the epoch, UTC)
 * of their visit. Ids are packed sorted, comma-separated, and one that shares the year-month
 * prefix of the one before leaves it out: `2407.21770,21783,2408.00012`. Pruned: days older
 * than SEEN_RETENTION_DAYS go, then the oldest days until at most MAX_SEEN_IDS remain (a
 * paper forgotten that way is new again if a listing shows it, which only old ones do).
 * Pure: no browser APIs.
 */

export const SEEN_KEY = 'paperQueue.seen';
export const SEEN_FORMAT = 1;

/** A pause longer than this between listing views starts a new visit. */
export const VISIT_GAP_MS = 30 * 60_000;
export const SEEN_RETENTION_DAYS = 60;
export const MAX_SEEN_IDS = 20_000;

const DAY_MS = 86_400_000;

export interface SeenRecord {
  format: typeof SEEN_FORMAT;
  /** When the current (or last) visit started, and when it last saw a paper. */
  visitStart: number;
  lastAt: number;
  /** Ids first seen in the current visit, packed. */
  current: string;
  /** Ids first seen in earlier visits, packed, by the day of their visit, oldest first. */
  earlier: [day: number, ids: string][];
}

const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;

/** Sorted, comma-separated ids; one sharing the previous id's `YYMM.` prefix omits it. */
export function packIds(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort();
  let prefix = '';
  const parts: string[] = [];
  for (const id of sorted) {
    const match = NEW_STYLE.exec(id);
    if (match && match[1] === prefix) parts.push(match[2] as string);
    else {
      parts.push(id);
      prefix = match?.[1] ?? '';
    }
  }
  return parts.join(',');
}

export function unpackIds(packed: string): string[] {
  if (!packed) return [];
  let prefix = '';
  const ids: string[] = [];
  for (const part of packed.split(',')) {
    if (part.includes('.') || part.includes('/')) {
      ids.push(part);
      prefix = NEW_STYLE.exec(part)?.[1] ?? '';
    } else if (prefix && /^\d{4,5}$/.test(part)) ids.push(`${prefix}.${part}`);
  }
  return ids;
}

/** The record as stored, or null for none (or one of another format: started again). */
export function readSeenRecord(raw: unknown): SeenRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Partial<SeenRecord>;
  if (
    r.format !== SEEN_FORMAT ||
    typeof r.visitStart !== 'number' ||
    typeof r.lastAt !== 'number' ||
    typeof r.current !== 'string' ||
    !Array.isArray(r.earlier) ||
    !r.earlier.every(
      (e) => Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'string',
    )
  ) {
    return null;
  }
  return r as SeenRecord;
}

const dayOf = (stamp: number) => Math.floor(stamp / DAY_MS);

/** The record with the current visit closed if it ended (a gap since it last saw a paper). */
function closeEndedVisit(record: SeenRecord, now: number): SeenRecord {
  if (now - record.lastAt <= VISIT_GAP_MS) return record;
  if (!record.current) return { ...record, visitStart: now };
  const day = dayOf(record.visitStart);
  const earlier = record.earlier.map((e): [number, string] => [e[0], e[1]]);
  const last = earlier.at(-1);
  if (last && last[0] === day) {
    last[1] = packIds([...unpackIds(last[1]), ...unpackIds(record.current)]);
  } else earlier.push([day, record.current]);
  return { ...record, visitStart: now, current: '', earlier };
}

/** Drops days past the retention, then the oldest days while there are too many ids. */
function prune(earlier: [number, string][], current: number, now: number): [number, string][] {
  const oldest = dayOf(now) - SEEN_RETENTION_DAYS;
  const kept = earlier.filter(([day]) => day >= oldest);
  let total = current + kept.reduce((sum, [, ids]) => sum + unpackIds(ids).length, 0);
  while (kept.length > 0 && total > MAX_SEEN_IDS) {
    total -= unpackIds((kept.shift() as [number, string])[1]).length;
  }
  return kept;
}

/** The record after seeing `ids` at `now` (the background's one write). */
export function addSeen(
  previous: SeenRecord | null,
  ids: readonly string[],
  now: number,
): SeenRecord {
  const record = closeEndedVisit(
    previous ?? { format: SEEN_FORMAT, visitStart: now, lastAt: now, current: '', earlier: [] },
    now,
  );
  const known = new Set(unpackIds(record.current));
  for (const [, packed] of record.earlier) for (const id of unpackIds(packed)) known.add(id);
  const fresh = ids.filter((id) => !known.has(id));
  const current =
    fresh.length > 0 ? packIds([...unpackIds(record.current), ...fresh]) : record.current;
  const currentCount = unpackIds(current).length;
  return {
    format: SEEN_FORMAT,
    visitStart: record.visitStart,
    lastAt: now,
    current,
    earlier: prune(record.earlier, currentCount, now),
  };
}

/** What a page needs to know, as of when it loaded. */
export interface SeenView {
  /** No earlier visit (none recorded, or all pruned): nothing is "new since last visit". */
  firstVisit: boolean;
  /** Seen in a visit before the current one (so not new). */
  seenBeforeThisVisit: (id: string) => boolean;
  /** Seen at all before this page view (what Hide seen hides). */
  seenBefore: (id: string) => boolean;
}

/** The view of a stored record at `now`; the id sets are built on first use. */
export function seenView(raw: unknown, now: number): SeenView {
  const record = readSeenRecord(raw);
  if (!record) {
    return { firstVisit: true, seenBeforeThisVisit: () => false, seenBefore: () => false };
  }
  const visitOver = now - record.lastAt > VISIT_GAP_MS;
  const firstVisit = record.earlier.length === 0 && !(visitOver && record.current);
  let earlier: Set<string> | null = null;
  let current: Set<string> | null = null;
  const earlierIds = () => {
    if (!earlier) {
      earlier = new Set();
      for (const [, packed] of record.earlier) for (const id of unpackIds(packed)) earlier.add(id);
    }
    return earlier;
  };
  const currentIds = () => {
    current ??= new Set(unpackIds(record.current));
    return current;
  };
  return {
    firstVisit,
    seenBeforeThisVisit: (id) => earlierIds().has(id) || (visitOver && currentIds().has(id)),
    seenBefore: (id) => earlierIds().has(id) || currentIds().has(id),
  };
}
