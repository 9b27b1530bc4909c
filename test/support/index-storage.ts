// An in-memory storage.local for the background's mark index and outbox, and a reader that
// decodes the index the way a page does (src/shared/mark-index.ts).
import { decodeShard, shardOfKey } from '../../src/shared/mark-index';
import type { PaperState } from '../../src/shared/model';

export function memoryStorage(initial: Record<string, unknown> = {}) {
  const items: Record<string, unknown> = structuredClone(initial);
  let writes = 0;
  return {
    items,
    writes: () => writes,
    get: async (keys: string | null) => {
      if (keys === null) return structuredClone(items);
      return keys in items ? { [keys]: structuredClone(items[keys]) } : {};
    },
    set: async (next: Record<string, unknown>) => {
      writes++;
      Object.assign(items, structuredClone(next));
    },
    remove: async (keys: string[]) => {
      for (const key of keys) delete items[key];
    },
  };
}

/** Every paper the index marks, as a page reads it. */
export function indexedStates(items: Record<string, unknown>): Record<string, PaperState> {
  const states: Record<string, PaperState> = {};
  for (const [key, value] of Object.entries(items)) {
    const shard = shardOfKey(key);
    if (shard === null) continue;
    const decoded = decodeShard(shard, value);
    if (!decoded) throw new Error(`shard ${shard} does not decode`);
    for (const [id, state] of decoded) states[id] = state;
  }
  return states;
}
