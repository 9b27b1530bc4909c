/**
 * Keeps the mark index in storage.local equal to the database (src/shared/mark-index.ts):
 * after every committed change, and at every start, the shards holding marks written after
 * the version the index reflects are read again whole and written back, with the index's
 * version moved on in the same storage write. So an update lost with a stopped worker is
 * caught up the next time anything is written or the background starts, and a damaged or
 * missing index is built again. Runs one at a time.
 */
import browser from 'webextension-polyfill';
import type { PaperQueueDB } from '../db/database';
import { readShards } from '../db/index-source';
import { latestVersion } from '../db/marks';
import {
  encodeShard,
  INDEX_FORMAT,
  INDEX_META_KEY,
  type IndexMeta,
  SHARD_KEY_PREFIX,
  shardKey,
} from '../shared/mark-index';

interface Storage {
  get: (keys: string | null) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (keys: string[]) => Promise<void>;
}

function readMeta(value: unknown): IndexMeta | null {
  const meta = value as Partial<IndexMeta> | undefined;
  return meta?.format === INDEX_FORMAT && typeof meta.v === 'number' ? (meta as IndexMeta) : null;
}

/** Brings the index up to the database's latest version. Returns the shards it rewrote. */
export async function syncIndex(
  db: PaperQueueDB,
  storage: Storage = browser.storage.local,
): Promise<string[]> {
  const meta = readMeta((await storage.get(INDEX_META_KEY))[INDEX_META_KEY]);
  if (!meta) return rebuildIndex(db, storage);
  if ((await latestVersion(db)) <= meta.v) return [];
  const { v, shards } = await readShards(db, meta.v);
  const items: Record<string, unknown> = {};
  for (const [shard, states] of shards) items[shardKey(shard)] = encodeShard(shard, states, v);
  items[INDEX_META_KEY] = { format: INDEX_FORMAT, v } satisfies IndexMeta;
  await storage.set(items);
  return [...shards.keys()];
}

/** Writes every shard from the database and removes shards that no longer hold a mark. */
export async function rebuildIndex(
  db: PaperQueueDB,
  storage: Storage = browser.storage.local,
): Promise<string[]> {
  const { v, shards } = await readShards(db, 'all');
  const items: Record<string, unknown> = {};
  for (const [shard, states] of shards) items[shardKey(shard)] = encodeShard(shard, states, v);
  const stale = Object.keys(await storage.get(null)).filter(
    (key) => key.startsWith(SHARD_KEY_PREFIX) && !(key in items),
  );
  items[INDEX_META_KEY] = { format: INDEX_FORMAT, v } satisfies IndexMeta;
  await storage.set(items);
  if (stale.length > 0) await storage.remove(stale);
  return [...shards.keys()];
}

/** Runs index work one piece at a time, in the order asked (each sees the last one's result). */
export function serially(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
}
