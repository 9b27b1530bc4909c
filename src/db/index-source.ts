/**
 * What the mark index (src/shared/mark-index.ts) is made of, read from the database: the
 * saved/read state of every paper of some shards, as of one version. The background writes
 * it to storage.local after every committed change (src/background/mark-index.ts).
 */
import { shardOf } from '../shared/mark-index';
import type { PaperState } from '../shared/model';
import type { PaperQueueDB } from './database';
import { latestVersion } from './marks';

export interface ShardStates {
  /** The database's latest version when the shards were read: they are true as of it. */
  v: number;
  shards: Map<string, [id: string, state: PaperState][]>;
}

const OLD_SHARD_FIRST_ID = 'a'; // old-style ids start with the archive's name; new ones with digits

/**
 * Every mark of the shards holding marks written after version `since` (the index's
 * catch-up), or of all shards for `'all'`. One read transaction: the shards and the version
 * they are labelled with are one consistent snapshot, so a write committing meanwhile is
 * either in both or in neither.
 */
export async function readShards(db: PaperQueueDB, since: number | 'all'): Promise<ShardStates> {
  return db.transaction('r', db.marks, async () => {
    const which =
      since === 'all'
        ? 'all'
        : new Set(
            (await db.marks.where('updatedAt').above(since).primaryKeys()).map((id) => shardOf(id)),
          );
    const shards = new Map<string, [string, PaperState][]>();
    const add = (id: string, savedAt: number, readAt: number) => {
      const shard = shardOf(id);
      let list = shards.get(shard);
      if (!list) {
        list = [];
        shards.set(shard, list);
      }
      if (savedAt > 0 || readAt > 0) list.push([id, { saved: savedAt > 0, read: readAt > 0 }]);
    };
    // Whole ranges at once (toArray), not a cursor step per mark: after an import of 50,000
    // papers, stepping a cursor through their shards took ten seconds, a bulk read a fraction.
    if (which === 'all') {
      for (const m of await db.marks.toArray()) add(m.id, m.savedAt, m.readAt);
    } else {
      for (const shard of which) {
        shards.set(shard, []);
        const range =
          shard === 'old'
            ? db.marks.where('id').aboveOrEqual(OLD_SHARD_FIRST_ID)
            : db.marks.where('id').between(`${shard}.`, `${shard}.\uffff`);
        for (const m of await range.toArray()) add(m.id, m.savedAt, m.readAt);
      }
    }
    return { v: await latestVersion(db), shards };
  });
}
