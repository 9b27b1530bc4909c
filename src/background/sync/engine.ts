/**
 * Browser sync: the user's decisions on every browser they sign in to, through the browser's
 * own `storage.sync` (Chrome Sync, Firefox Sync) — no server of ours. Dexie stays the truth;
 * storage.sync is the transport.
 *
 *   local commit ──▶ send(): this device's decisions ──▶ its own keys in storage.sync
 *   storage.sync change (another device) ──▶ receive(): each device's keys, whole
 *       ──▶ merge by decision time (records.ts) ──▶ Dexie ──▶ index, badge, popup (as any write)
 *
 * Each device writes only keys of its own (`pq.<device>`, `pq.<device>.<n>`), so the sync
 * service's key-by-key merge never overwrites another device's writes; and each device tells
 * only the decisions it made itself (or imported), so every decision is in the area once,
 * under the device that made it last. Budget: storage.sync holds 102,400 bytes in all; when a
 * device's share is full, its oldest read-and-unsaved papers leave the area first (they stay
 * on the device), and the library says how many.
 *
 * Browser APIs come in through `SyncDeps`, so the whole flow runs under unit and property
 * tests with simulated devices and a simulated sync service.
 */
import type { PaperQueueDB } from '../../db/database';
import { adoptDecisions, mergeRemote, type OwnMark, ownDecisions } from '../../db/sync-source';
import type { StateMap } from '../../shared/model';
import {
  type DeviceRead,
  deviceItems,
  headerKey,
  itemsBytes,
  parseSyncKey,
  readDevices,
  SYNC_QUOTA,
  type SyncDecision,
  type SyncHeader,
} from '../../shared/sync-format';
import type { SyncStatus } from '../../shared/sync-status';

export interface SyncArea {
  get: (keys: null) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (keys: string[]) => Promise<void>;
}

export interface SyncDeps {
  db: () => PaperQueueDB;
  /** storage.sync (or a simulated one). */
  area: SyncArea;
  /** This device's id (made at install). */
  device: string;
  /** Where the status the library shows is kept (storage.local). */
  saveStatus: (status: SyncStatus) => Promise<void>;
  /** Told after merged decisions committed (the index, the badge, the tabs). */
  announce: (changed: StateMap) => Promise<void>;
  /** Told about newly saved papers, so their missing authors can be fetched. */
  fetchMetadata?: (ids: string[]) => void;
  now: () => number;
  warn?: (message: string) => void;
}

/** Room left for everything else storage.sync might hold (and rounding). */
const MARGIN_BYTES = 2_048;

/**
 * A device rewrites its header at least this often, even with nothing new to say, so the
 * others can tell a device in use from one that is gone.
 */
export const HEARTBEAT_MS = 7 * 24 * 3600_000;

/**
 * A device silent this long is taken as gone (uninstalled, a laptop given away): every
 * device that reads it merges it, tells its decisions from then on, and removes its keys,
 * which would otherwise take storage.sync's room for good. If it comes back, it simply
 * writes its keys again; nothing is lost either way.
 */
export const RETIRE_AFTER_MS = 60 * 24 * 3600_000;

export interface Sent {
  /** Whether anything was written (nothing is, when this device's keys already say it). */
  wrote: boolean;
  decisions: number;
  /** Papers of this device's that did not fit (they stay on the device). */
  unsynced: number;
  bytes: number;
}

/**
 * Which decisions fit `budget` bytes: all, or all but the oldest read-and-unsaved papers'
 * (then, if that is not enough, the oldest decisions of all). Pure, for tests.
 */
export function fitDecisions(
  device: string,
  marks: readonly OwnMark[],
  budget: number,
  now: number,
): { items: Record<string, unknown>; kept: SyncDecision[]; unsynced: number } {
  const all = marks.flatMap((m) => m.decisions);
  const first = deviceItems(device, all, now);
  if (itemsBytes(first) <= budget) return { items: first, kept: all, unsynced: 0 };
  // Leaving first: read and not saved, oldest read first; then everything else, oldest first.
  const readOnly = marks
    .filter((m) => m.read && !m.saved)
    .sort((a, b) => a.readClock - b.readClock);
  const rest = marks
    .filter((m) => !(m.read && !m.saved))
    .sort(
      (a, b) =>
        Math.max(...a.decisions.map((d) => d.clock)) - Math.max(...b.decisions.map((d) => d.clock)),
    );
  const order = [...readOnly, ...rest];
  // The fewest papers to leave out: binary search on how many of `order` leave.
  let low = 1;
  let high = order.length;
  let best: { items: Record<string, unknown>; kept: SyncDecision[] } | null = null;
  let bestOut = order.length;
  while (low <= high) {
    const out = Math.floor((low + high) / 2);
    const leaving = new Set(order.slice(0, out).map((m) => m.id));
    const kept = all.filter((d) => !leaving.has(d.id));
    const items = deviceItems(device, kept, now);
    if (itemsBytes(items) <= budget && Object.keys(items).length <= SYNC_QUOTA.items) {
      best = { items, kept };
      bestOut = out;
      high = out - 1;
    } else low = out + 1;
  }
  if (!best) return { items: deviceItems(device, [], now), kept: [], unsynced: marks.length };
  return { ...best, unsynced: bestOut };
}

/** Whether the area already holds exactly `items` (and a header recent enough). */
function saysTheSame(
  current: Record<string, unknown>,
  items: Record<string, unknown>,
  device: string,
  now: number,
): boolean {
  const header = headerKey(device);
  return Object.entries(items).every(([key, value]) => {
    const old = current[key];
    if (key !== header) return old === value;
    const [a, b] = [old as Partial<SyncHeader> | undefined, value as SyncHeader];
    return (
      a?.f === b.f && a.n === b.n && a.c === b.c && a.d === b.d && (a.t ?? 0) > now - HEARTBEAT_MS
    );
  });
}

/** Errors storage.sync gives when a write would break its quotas or rates. */
const QUOTA = /QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS|quota|rate/i;

export class SyncEngine {
  /** What each other device's keys said when last merged (by header checksum). */
  private readonly merged = new Map<string, number>();
  private readonly warned = new Set<string>();
  /** The devices in the area at the last receive (adoption runs when this changes). */
  private presentKey: string | undefined;
  private status: SyncStatus;

  /** `status`: what was last reported (storage.local), so a restarted worker keeps it. */
  constructor(
    private readonly deps: SyncDeps,
    status?: SyncStatus | null,
  ) {
    this.status =
      status?.device === deps.device
        ? status
        : {
            device: deps.device,
            devices: [],
            ownBytes: 0,
            totalBytes: 0,
            decisions: 0,
            unsynced: 0,
          };
  }

  /** Writes this device's decisions to its keys, if they say something new. */
  async send(): Promise<Sent> {
    const { area, device, now: clock } = this.deps;
    const now = clock();
    const marks = await ownDecisions(this.deps.db(), now);
    const current = await area.get(null);
    const mine = Object.keys(current).filter((key) => parseSyncKey(key)?.device === device);
    const others = Object.fromEntries(
      Object.entries(current).filter(([key]) => !mine.includes(key)),
    );
    const budget = SYNC_QUOTA.bytes - itemsBytes(others) - MARGIN_BYTES;
    const { items, kept, unsynced } = fitDecisions(device, marks, budget, now);
    const bytes = itemsBytes(items);
    const sent: Sent = { wrote: false, decisions: kept.length, unsynced, bytes };
    const stale = mine.filter((key) => !(key in items));
    if (stale.length === 0 && saysTheSame(current, items, device, now)) {
      await this.report({ ownBytes: bytes, decisions: kept.length, unsynced, error: undefined });
      return sent;
    }
    try {
      await area.set(items);
      if (stale.length > 0) await area.remove(stale);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.report({
        error: QUOTA.test(message) ? `storage.sync refused: ${message}` : message,
      });
      throw error;
    }
    await this.report({
      lastSent: now,
      ownBytes: bytes,
      totalBytes: bytes + itemsBytes(others),
      decisions: kept.length,
      unsynced,
      error: undefined,
    });
    return { ...sent, wrote: true };
  }

  /**
   * Merges what the other devices' keys say, each device whole (or not at all). Returns the
   * number of papers that changed, and whether this device's own keys need rewriting (one of
   * its decisions was replaced by a later one).
   */
  async receive(): Promise<{ changed: number; resend: boolean }> {
    const { area, device, now } = this.deps;
    const current = await area.get(null);
    const reads = readDevices(current, device, now());
    let changed = 0;
    let resend = false;
    const devices: SyncStatus['devices'] = [];
    const retired: string[] = [];
    let lastMerge: SyncStatus['lastMerge'];
    for (const read of reads) {
      if (!read.ok) {
        this.warnOnce(read);
        if (!read.waiting) devices.push({ id: read.device, problem: read.error });
        continue;
      }
      const silent = read.header.t < now() - RETIRE_AFTER_MS;
      if (silent) retired.push(read.device);
      else {
        devices.push({
          id: read.device,
          decisions: read.decisions.length,
          writtenAt: read.header.t,
        });
      }
      if (this.merged.get(read.device) === read.header.c) continue;
      const started = performance.now();
      const merged = await mergeRemote(this.deps.db(), read.device, read.decisions, now());
      this.merged.set(read.device, read.header.c);
      const count = Object.keys(merged.changed).length;
      lastMerge = {
        decisions: read.decisions.length,
        changed: count,
        ms: Math.round(performance.now() - started),
      };
      if (count > 0) {
        changed += count;
        await this.deps.announce(merged.changed);
        if (merged.newlySaved.length > 0) this.deps.fetchMetadata?.(merged.newlySaved);
      }
      if (merged.replacedOwn > 0) resend = true;
    }
    // Decisions told by a device that left (or was just retired) are told by this one now.
    const present = new Set(reads.map((read) => read.device).filter((d) => !retired.includes(d)));
    const presentKey = [...present].sort().join(',');
    if (presentKey !== this.presentKey) {
      if ((await adoptDecisions(this.deps.db(), present)) > 0) resend = true;
      this.presentKey = presentKey;
    }
    const retiredKeys = Object.keys(current).filter((key) => {
      const owner = parseSyncKey(key)?.device;
      return owner !== undefined && retired.includes(owner);
    });
    if (retiredKeys.length > 0) await area.remove(retiredKeys);
    await this.report({
      devices,
      ...(changed > 0 ? { lastReceived: now() } : {}),
      ...(lastMerge ? { lastMerge } : {}),
    });
    return { changed, resend };
  }

  private warnOnce(read: Extract<DeviceRead, { ok: false }>) {
    if (read.waiting) return; // its keys are still arriving
    const key = `${read.device}:${read.error}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    (this.deps.warn ?? console.warn)(
      `Paper Queue sync: ignored the data of device ${read.device}: ${read.error}.`,
    );
  }

  private async report(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    await this.deps.saveStatus(this.status);
  }
}
