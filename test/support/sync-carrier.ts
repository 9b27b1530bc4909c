// The sync service between two real browsers in a test. Without a signed-in account, Chromium
// and Firefox keep storage.sync on the device, so nothing travels on its own: the test carries
// each browser's storage.sync items to the other, one key per write, as a sync service
// delivers them (the latest write of each key wins; a removed key is removed).
import type { Worker } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { readDevices, type SyncDecision } from '../../src/shared/sync-format';
import { SYNC_DEVICE_KEY, SYNC_STATUS_KEY, type SyncStatus } from '../../src/shared/sync-status';
import { eventually } from './extension-session';

/** One browser's storage, as the carrier and the tests reach it. */
export interface SyncEnd {
  name: string;
  get: () => Promise<Record<string, unknown>>;
  set: (key: string, value: unknown) => Promise<void>;
  remove: (key: string) => Promise<void>;
  /** storage.local's value at `key`. */
  local: (key: string) => Promise<unknown>;
}

interface StorageArea {
  get: (keys: string | null) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (key: string) => Promise<void>;
}
type Storage = { storage: { sync: StorageArea; local: StorageArea } };

/** Chromium: storage through the extension's service worker. */
export function chromiumEnd(name: string, worker: Worker): SyncEnd {
  // Functions given to evaluate run in the worker: each names `chrome` itself.
  return {
    name,
    get: () =>
      worker.evaluate(() =>
        (globalThis as unknown as { chrome: Storage }).chrome.storage.sync.get(null),
      ),
    set: (key, value) =>
      worker.evaluate(
        ([k, v]) =>
          (globalThis as unknown as { chrome: Storage }).chrome.storage.sync.set({ [k]: v }),
        [key, value] as const,
      ),
    remove: (key) =>
      worker.evaluate(
        (k) => (globalThis as unknown as { chrome: Storage }).chrome.storage.sync.remove(k),
        key,
      ),
    local: (key) =>
      worker.evaluate(
        async (k) =>
          (await (globalThis as unknown as { chrome: Storage }).chrome.storage.local.get(k))[k],
        key,
      ),
  };
}

/**
 * Firefox: storage through an extension page (the event page cannot be evaluated in over
 * WebDriver BiDi); `page` must stay open while the end is used.
 */
export function firefoxEnd(name: string, page: PuppeteerPage): SyncEnd {
  return {
    name,
    get: () =>
      page.evaluate(() =>
        (globalThis as unknown as { browser: Storage }).browser.storage.sync.get(null),
      ),
    set: (key, value) =>
      page.evaluate(
        (k, v) =>
          (globalThis as unknown as { browser: Storage }).browser.storage.sync.set({ [k]: v }),
        key,
        value,
      ),
    remove: (key) =>
      page.evaluate(
        (k) => (globalThis as unknown as { browser: Storage }).browser.storage.sync.remove(k),
        key,
      ),
    local: (key) =>
      page.evaluate(
        async (k) =>
          (await (globalThis as unknown as { browser: Storage }).browser.storage.local.get(k))[k],
        key,
      ),
  };
}

/** What the carrier did in one carry. */
export interface Carried {
  set: string[];
  removed: string[];
}

export class SyncCarrier {
  /** Per end: each key's value (JSON) as the carrier last saw or wrote it there. */
  private readonly known = new Map<SyncEnd, Map<string, string>>();

  constructor(
    readonly a: SyncEnd,
    readonly b: SyncEnd,
  ) {}

  private knownAt(end: SyncEnd): Map<string, string> {
    let known = this.known.get(end);
    if (!known) {
      known = new Map();
      this.known.set(end, known);
    }
    return known;
  }

  /** Delivers to `to` every key `from` wrote or removed since the last carry, one at a time. */
  async carry(from: SyncEnd, to: SyncEnd): Promise<Carried> {
    const items = await from.get();
    const seen = this.knownAt(from);
    const there = this.knownAt(to);
    const carried: Carried = { set: [], removed: [] };
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      if (seen.get(key) === json) continue;
      await to.set(key, value);
      there.set(key, json);
      carried.set.push(key);
    }
    for (const key of [...seen.keys()]) {
      if (key in items) continue;
      await to.remove(key);
      there.delete(key);
      carried.removed.push(key);
    }
    this.known.set(from, new Map(Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)])));
    return carried;
  }

  /** One round of the service: a's news to b, then b's to a. */
  async exchange(): Promise<{ toB: Carried; toA: Carried }> {
    const toB = await this.carry(this.a, this.b);
    const toA = await this.carry(this.b, this.a);
    return { toB, toA };
  }
}

/** The device id a profile's extension made at install. */
export async function deviceOf(end: SyncEnd): Promise<string> {
  let id: unknown;
  await eventually(async () => {
    id = await end.local(SYNC_DEVICE_KEY);
    if (typeof id !== 'string') throw new Error(`${end.name}: no device id yet`);
  }, 10_000);
  return id as string;
}

/** The sync status the library shows (storage.local). */
export async function statusOf(end: SyncEnd): Promise<SyncStatus | undefined> {
  return (await end.local(SYNC_STATUS_KEY)) as SyncStatus | undefined;
}

/** What `device`'s own keys in its storage.sync tell, decoded as any other device reads them. */
export async function toldBy(end: SyncEnd, device: string): Promise<SyncDecision[]> {
  const read = readDevices(await end.get(), 'nobody', Date.now()).find((r) => r.device === device);
  if (!read?.ok) throw new Error(`${end.name}: keys of ${device} not readable`);
  return read.decisions;
}

/** The latest decision `device` tells on a paper's field: true (on), false (off), or none. */
export const told = (decisions: SyncDecision[], id: string, field: SyncDecision['field']) => {
  const d = decisions.find((x) => x.id === id && x.field === field);
  return d ? d.stamp > 0 : undefined;
};

/**
 * Waits until the device has written its decisions to its own keys and they pass `check`
 * (a local change reaches storage.sync after the scheduler's debounce).
 */
export async function untilTold(
  end: SyncEnd,
  device: string,
  check: (decisions: SyncDecision[]) => boolean,
  timeoutMs = 10_000,
): Promise<SyncDecision[]> {
  let last: SyncDecision[] = [];
  await eventually(async () => {
    last = await toldBy(end, device);
    if (!check(last)) throw new Error(`${end.name}'s keys do not tell it yet`);
  }, timeoutMs);
  return last;
}
