/**
 * How one device's decisions travel through `storage.sync` (Chrome Sync, Firefox Sync): a
 * compact binary list, base64 in items of at most 8 KB, under keys only that device writes.
 * Pure: no browser APIs.
 *
 * What travels: the decisions this device made (or imported) on whether a paper is saved,
 * read or pinned, each with the time it was made (ms) and, where it differs from that time,
 * the stored stamp (a paper saved again keeps the time it was first saved). Tags, notes and
 * paper metadata stay on the device (docs/ARCHITECTURE.md, "Browser sync").
 *
 * Decisions are grouped into events — one field, one value, one time — because "mark all
 * read" makes one event of fifty papers: the time is written once, and the papers' ids as
 * small steps from one another. Events go in time order, each time a step from the last; an
 * event's first id is a signed step from the previous event's first id (papers read around
 * the same time have close ids), so a lone click costs about seven bytes.
 *
 *   bytes:  version(1)  events:varint
 *           per event: timeStep:varint  head:byte (code | count << 4, count 1-15; else 0)
 *                      [count:varint when head's count is 0]
 *                      first paper: idStep:zigzag varint from the last event's first id
 *                      next papers: idStep:varint from the paper before
 *                      per paper: [stampBack:varint when code has STAMP]
 *           oldIds:varint  per old-style id: length:varint  utf-8 bytes
 *
 * A new-style id `YYMM.NNNNN` is the number (YYMM·100000 + NNNNN)·4 + (5 digits ? 1 : 0);
 * an old-style id (`hep-th/9901001`) is 4·k + 2, k its place in the table at the end.
 */

export const SYNC_FORMAT = 1;

/** The fields that travel, by their code in an event. */
export const SYNCED_FIELDS = ['savedAt', 'readAt', 'pinnedAt'] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

/** One decision: a field of a paper set to `stamp` (0 = off) at `clock`. */
export interface SyncDecision {
  id: string;
  field: SyncedField;
  stamp: number;
  clock: number;
}

/** Times are written as steps from this moment (2020-01-01), so the first step is small too. */
const EPOCH = Date.UTC(2020, 0, 1);

const ON = 0b100;
const STAMP = 0b1000;

// ---- varints (unsigned LEB128; numbers up to 2^53) -----------------------------------------

class Writer {
  private bytes: number[] = [];
  byte(b: number) {
    this.bytes.push(b & 0xff);
  }
  varint(n: number) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a varint: ${n}`);
    let rest = n;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }
  text(s: string) {
    const utf8 = new TextEncoder().encode(s);
    this.varint(utf8.length);
    for (const b of utf8) this.bytes.push(b);
  }
  /** A signed number, zigzag: 0, -1, 1, -2, … as 0, 1, 2, 3, … */
  signed(n: number) {
    this.varint(n < 0 ? -2 * n - 1 : 2 * n);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new RangeError('Cut short');
    return b;
  }
  varint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
    throw new RangeError('Varint too long');
  }
  signed(): number {
    const z = this.varint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }
  text(): string {
    const length = this.varint();
    if (this.at + length > this.bytes.length) throw new RangeError('Cut short');
    const s = new TextDecoder('utf-8', { fatal: true }).decode(
      this.bytes.subarray(this.at, this.at + length),
    );
    this.at += length;
    return s;
  }
  get finished(): boolean {
    return this.at === this.bytes.length;
  }
}

// ---- ids ---------------------------------------------------------------------------------

const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;

function idKey(id: string, oldIds: Map<string, number>): number {
  const match = NEW_STYLE.exec(id);
  if (match) {
    const digits5 = (match[2] as string).length === 5 ? 1 : 0;
    return (Number(match[1]) * 100_000 + Number(match[2])) * 4 + digits5;
  }
  let index = oldIds.get(id);
  if (index === undefined) {
    index = oldIds.size;
    oldIds.set(id, index);
  }
  return index * 4 + 2;
}

function idOf(key: number, oldIds: readonly string[]): string {
  const kind = key % 4;
  const value = Math.floor(key / 4);
  if (kind === 2) {
    const id = oldIds[value];
    if (id === undefined) throw new RangeError('Unknown old-style id');
    return id;
  }
  if (kind === 3) throw new RangeError('Bad id');
  const yymm = Math.floor(value / 100_000);
  const number = value % 100_000;
  return `${String(yymm).padStart(4, '0')}.${String(number).padStart(kind === 1 ? 5 : 4, '0')}`;
}

// ---- decisions <-> bytes -----------------------------------------------------------------

/** The decisions as bytes (any order in; events out in time order). */
export function encodeDecisions(decisions: readonly SyncDecision[]): Uint8Array {
  const events = new Map<string, { clock: number; code: number; items: SyncDecision[] }>();
  for (const d of decisions) {
    const code = SYNCED_FIELDS.indexOf(d.field) | (d.stamp > 0 ? ON : 0);
    const exact = d.stamp > 0 && d.stamp !== d.clock ? STAMP : 0;
    const key = `${d.clock}:${code | exact}`;
    let event = events.get(key);
    if (!event) {
      event = { clock: d.clock, code: code | exact, items: [] };
      events.set(key, event);
    }
    event.items.push(d);
  }
  const ordered = [...events.values()].sort((a, b) => a.clock - b.clock || a.code - b.code);
  const oldIds = new Map<string, number>();
  const out = new Writer();
  out.byte(SYNC_FORMAT);
  out.varint(ordered.length);
  let last = EPOCH;
  let lastFirst = 0;
  for (const event of ordered) {
    if (event.clock < last) throw new RangeError('Decision before 2020');
    out.varint(event.clock - last);
    last = event.clock;
    const keyed = event.items
      .map((d) => ({ d, key: idKey(d.id, oldIds) }))
      .sort((a, b) => a.key - b.key);
    const small = keyed.length <= 15 ? keyed.length : 0;
    out.byte(event.code | (small << 4));
    if (small === 0) out.varint(keyed.length);
    let lastKey = 0;
    for (const [i, { d, key }] of keyed.entries()) {
      if (i === 0) {
        out.signed(key - lastFirst);
        lastFirst = key;
      } else out.varint(key - lastKey);
      lastKey = key;
      if (event.code & STAMP) {
        if (d.stamp > d.clock) throw new RangeError('Stamp after its decision');
        out.varint(d.clock - d.stamp);
      }
    }
  }
  out.varint(oldIds.size);
  for (const id of oldIds.keys()) out.text(id);
  return out.done();
}

/** The decisions bytes hold; throws on anything that is not exactly this format. */
export function decodeDecisions(bytes: Uint8Array): SyncDecision[] {
  const input = new Reader(bytes);
  if (input.byte() !== SYNC_FORMAT) throw new RangeError('Another format');
  const count = input.varint();
  const raw: { clock: number; code: number; keys: number[]; stamps: number[] }[] = [];
  let last = EPOCH;
  let lastFirst = 0;
  for (let e = 0; e < count; e++) {
    last += input.varint();
    const head = input.byte();
    const code = head & 0b1111;
    if ((code & 0b11) >= SYNCED_FIELDS.length || (code & STAMP && !(code & ON))) {
      throw new RangeError('Bad code');
    }
    const items = head >> 4 || input.varint();
    if (items === 0) throw new RangeError('Empty event');
    const keys: number[] = [];
    const stamps: number[] = [];
    let lastKey = 0;
    for (let i = 0; i < items; i++) {
      if (i === 0) {
        lastFirst += input.signed();
        if (lastFirst < 0) throw new RangeError('Bad id');
        lastKey = lastFirst;
      } else lastKey += input.varint();
      keys.push(lastKey);
      stamps.push(code & STAMP ? last - input.varint() : code & ON ? last : 0);
    }
    raw.push({ clock: last, code, keys, stamps });
  }
  const oldIds: string[] = [];
  const olds = input.varint();
  for (let i = 0; i < olds; i++) oldIds.push(input.text());
  if (!input.finished) throw new RangeError('Trailing bytes');
  const decisions: SyncDecision[] = [];
  for (const event of raw) {
    const field = SYNCED_FIELDS[event.code & 0b11] as SyncedField;
    event.keys.forEach((key, i) => {
      decisions.push({
        id: idOf(key, oldIds),
        field,
        stamp: event.stamps[i] ?? 0,
        clock: event.clock,
      });
    });
  }
  return decisions;
}

// ---- bytes <-> storage.sync items --------------------------------------------------------

/** storage.sync's limits (Chrome and Firefox): bytes in all, per item, and items. */
export const SYNC_QUOTA = { bytes: 102_400, perItem: 8_192, items: 512 } as const;

/** Characters of base64 per item: below the per-item limit with the key and quotes. */
const CHUNK = 8_000;

export const SYNC_KEY_PREFIX = 'pq.';

/** A device's header: what its items hold, so a reader can tell a complete set. */
export interface SyncHeader {
  /** The format of the items. */
  f: number;
  /** How many items. */
  n: number;
  /** FNV-1a of the items' text, joined: a reader that sees the header before (or after) the
   * items of the same write knows not to read them yet. */
  c: number;
  /** How many decisions. */
  d: number;
  /** When written (ms). */
  t: number;
}

export const headerKey = (device: string) => `${SYNC_KEY_PREFIX}${device}`;
export const itemKey = (device: string, n: number) => `${SYNC_KEY_PREFIX}${device}.${n}`;

/** The device a key belongs to, and whether it is the header; null for another key. */
export function parseSyncKey(key: string): { device: string; item: number | null } | null {
  const match = /^pq\.([a-z0-9]{4,32})(?:\.(\d{1,3}))?$/.exec(key);
  if (!match?.[1]) return null;
  return { device: match[1], item: match[2] === undefined ? null : Number(match[2]) };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The storage.sync items of one device holding `decisions`, header included. */
export function deviceItems(
  device: string,
  decisions: readonly SyncDecision[],
  now: number,
): Record<string, unknown> {
  const text = toBase64(encodeDecisions(decisions));
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  const items: Record<string, unknown> = {};
  chunks.forEach((chunk, n) => {
    items[itemKey(device, n)] = chunk;
  });
  const header: SyncHeader = {
    f: SYNC_FORMAT,
    n: chunks.length,
    c: fnv1a(chunks.join('')),
    d: decisions.length,
    t: now,
  };
  items[headerKey(device)] = header;
  return items;
}

/** The bytes storage.sync counts for items: each key and its value as JSON. */
export function itemsBytes(items: Record<string, unknown>): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) {
    bytes += key.length + new TextEncoder().encode(JSON.stringify(value)).length;
  }
  return bytes;
}

/** How long after its header was written a device's items may still be arriving. */
export const STALLED_AFTER_MS = 30 * 60_000;

export type DeviceRead =
  | { ok: true; device: string; header: SyncHeader; decisions: SyncDecision[] }
  | { ok: false; device: string; error: string; waiting?: boolean };

/**
 * Every device's decisions in a storage.sync area, but `self`'s. A device whose items are
 * incomplete (a sync service delivers keys one by one) is `waiting`; one whose items are
 * damaged (or still do not match their header `STALLED_AFTER_MS` after it was written), or
 * of a format this version does not read, is refused whole with the reason, never half
 * merged.
 */
export function readDevices(
  area: Record<string, unknown>,
  self: string,
  now = Date.now(),
): DeviceRead[] {
  const devices = new Map<string, { header?: unknown; items: Map<number, unknown> }>();
  for (const [key, value] of Object.entries(area)) {
    const parsed = parseSyncKey(key);
    if (!parsed || parsed.device === self) continue;
    let entry = devices.get(parsed.device);
    if (!entry) {
      entry = { items: new Map() };
      devices.set(parsed.device, entry);
    }
    if (parsed.item === null) entry.header = value;
    else entry.items.set(parsed.item, value);
  }
  const reads: DeviceRead[] = [];
  for (const [device, { header, items }] of devices) {
    const h = header as Partial<SyncHeader> | undefined;
    if (!h || typeof h !== 'object') {
      reads.push({ device, ok: false, error: 'no header yet', waiting: true });
      continue;
    }
    if (h.f !== SYNC_FORMAT) {
      reads.push({
        device,
        ok: false,
        error: `format ${JSON.stringify(h.f)} is not one this version reads`,
      });
      continue;
    }
    if (
      typeof h.n !== 'number' ||
      typeof h.c !== 'number' ||
      typeof h.d !== 'number' ||
      typeof h.t !== 'number' ||
      !Number.isInteger(h.n) ||
      h.n < 0 ||
      h.n > SYNC_QUOTA.items
    ) {
      reads.push({ device, ok: false, error: 'damaged header' });
      continue;
    }
    const chunks: string[] = [];
    for (let n = 0; n < h.n; n++) {
      const chunk = items.get(n);
      if (typeof chunk !== 'string') break;
      chunks.push(chunk);
    }
    const text = chunks.join('');
    if (chunks.length !== h.n || fnv1a(text) !== h.c) {
      // A header and its items are written together: long after, a mismatch is damage.
      reads.push(
        h.t < now - STALLED_AFTER_MS
          ? { device, ok: false, error: 'items that do not match their header' }
          : { device, ok: false, error: 'items not all arrived yet', waiting: true },
      );
      continue;
    }
    try {
      const decisions = decodeDecisions(fromBase64(text));
      if (decisions.length !== h.d) throw new RangeError('Count does not match');
      reads.push({ device, ok: true, header: h as SyncHeader, decisions });
    } catch (error) {
      reads.push({ device, ok: false, error: `damaged items (${(error as Error).message})` });
    }
  }
  return reads;
}
