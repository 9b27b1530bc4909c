/**
 * Loaded by `npm run bench:index` into an extension page it adds to a copy of the test build
 * (never shipped): the background's own index code (src/background/mark-index.ts) run on the
 * extension's own database and storage.local, so each step can be timed where it runs.
 * An extension page and the service worker share the origin: same IndexedDB, same
 * storage.local; the page runs on the extension process's main thread, the worker on its own.
 */
import browser from 'webextension-polyfill';
import { countUnreadSaved } from '../src/background/badge';
import { rebuildIndex, syncIndex } from '../src/background/mark-index';
import { openDatabase } from '../src/db/database';
import { applyIntents } from '../src/db/marks';
import { completeMark } from '../src/db/records';
import { decodeShard, INDEX_META_KEY, shardOfKey } from '../src/shared/mark-index';

const db = openDatabase();
const local = browser.storage.local;

interface Timed {
  /** Milliseconds spent in storage.local calls, by call. */
  get: number;
  set: number;
  remove: number;
  /** Bytes handed to storage.local.set (as JSON). */
  setBytes: number;
}

/** storage.local, with the time of each call added up in `timed`. */
function timedStorage(timed: Timed) {
  return {
    get: async (keys: string | null) => {
      const t0 = performance.now();
      const items = await local.get(keys);
      timed.get += performance.now() - t0;
      return items;
    },
    set: async (items: Record<string, unknown>) => {
      timed.setBytes += JSON.stringify(items).length;
      const t0 = performance.now();
      await local.set(items);
      timed.set += performance.now() - t0;
    },
    remove: async (keys: string[]) => {
      const t0 = performance.now();
      await local.remove(keys);
      timed.remove += performance.now() - t0;
    },
  };
}

const fresh = (): Timed => ({ get: 0, set: 0, remove: 0, setBytes: 0 });

const indexKeys = async () =>
  Object.keys(await local.get(null)).filter(
    (key) => key === INDEX_META_KEY || shardOfKey(key) !== null,
  );

const harness = {
  /** Writes these marks into the database (one transaction), the way a long use would leave them. */
  async seed(marks: { id: string; saved: boolean; read: boolean }[]) {
    const base = Date.now() - marks.length - 1000;
    const records = marks.map(({ id, saved, read }, i) =>
      completeMark({
        id,
        savedAt: saved ? base + i : 0,
        readAt: read ? base + i : 0,
        updatedAt: base + i,
      }),
    );
    const t0 = performance.now();
    await db.marks.bulkPut(records);
    return { ms: performance.now() - t0, count: await db.marks.count() };
  },

  /** The full rebuild, from no index at all (an install, an update, a damaged index). */
  async rebuild() {
    await local.remove(await indexKeys());
    const timed = fresh();
    const t0 = performance.now();
    const shards = await rebuildIndex(db, timedStorage(timed));
    return { ms: performance.now() - t0, shards: shards.length, ...timed };
  },

  /** One mark changed (as a click does), then the index brought up to date (as announce does). */
  async oneChange(id: string, read: boolean) {
    const t0 = performance.now();
    await applyIntents(db, { [id]: { read } }, Date.now());
    const written = performance.now();
    const timed = fresh();
    const shards = await syncIndex(db, timedStorage(timed));
    return {
      writeMs: written - t0,
      syncMs: performance.now() - written,
      shards: shards.length,
      ...timed,
    };
  },

  /** The other half of what the background does after every change: the badge's count. */
  async badgeCount() {
    const t0 = performance.now();
    const unread = await countUnreadSaved(db);
    return { ms: performance.now() - t0, unread };
  },

  /** The index's size in storage.local. */
  async size() {
    const items = await local.get(null);
    const keys = Object.keys(items).filter(
      (key) => key === INDEX_META_KEY || shardOfKey(key) !== null,
    );
    const json = keys.map((key) => key.length + JSON.stringify(items[key]).length);
    return {
      shards: keys.length - (keys.includes(INDEX_META_KEY) ? 1 : 0),
      jsonBytes: json.reduce((a, b) => a + b, 0),
      largestShardBytes: Math.max(...json),
      // What Chrome counts (key plus JSON of the value, per key).
      bytesInUse: await local.getBytesInUse(keys),
      allBytesInUse: await local.getBytesInUse(null),
    };
  },

  /** What a page does at document_start: read everything, then decode every shard. */
  async readAll() {
    const t0 = performance.now();
    const items = await local.get(null);
    const got = performance.now();
    let marks = 0;
    for (const [key, value] of Object.entries(items)) {
      const shard = shardOfKey(key);
      if (shard !== null) marks += decodeShard(shard, value)?.size ?? 0;
    }
    return { getMs: got - t0, decodeMs: performance.now() - got, marks };
  },

  /**
   * The same change through the real background (a message, as the popup sends it): until
   * its reply (written, index synced, badge set) and until this page hears the shard change.
   * `rebuild` removes the index's version first, so the worker rebuilds it whole.
   */
  async throughWorker(id: string, read: boolean, rebuild: boolean) {
    if (rebuild) await local.remove(INDEX_META_KEY);
    const heard = new Promise<number>((resolve) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !(INDEX_META_KEY in changes)) return;
        browser.storage.onChanged.removeListener(listener);
        resolve(performance.now());
      };
      browser.storage.onChanged.addListener(listener);
    });
    const t0 = performance.now();
    const reply = (await browser.runtime.sendMessage({
      type: 'paper.mark',
      id,
      read,
      at: Date.now(),
    })) as { ok: boolean };
    const replied = performance.now();
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    const heardAt = await heard;
    return { replyMs: replied - t0, heardMs: heardAt - t0 };
  },
};

(globalThis as unknown as { benchIndex: typeof harness }).benchIndex = harness;
document.title = 'bench-index ready';
