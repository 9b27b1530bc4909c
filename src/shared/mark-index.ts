/**
 * The mark index: every paper's saved/read state, kept by the background in `storage.local`
 * beside the database (which stays the one source of truth), so a page knows every mark at
 * `document_start` without waking the background — `storage.local` is reachable from a
 * content script, IndexedDB is not (it would be huggingface.co's).
 *
 * It is split into shards by the arXiv id's year and month (`2407.21783` → shard `2407`;
 * old-style ids share shard `old`), so a change rewrites one small shard and
 * `storage.onChanged` carries only that shard to every tab. Each shard says as of which
 * version (`v`, the database's latest mark version when it was read) it is true; a shard is
 * the same news as a change notice, and contexts order it with replies by that version.
 *
 * A shard's `marks` is one compact string: entries `<rest of the id><flag>` joined by `,`,
 * where the flag is `s` (saved), `r` (read) or `b` (both); unmarked papers are left out.
 * `2407`: "21783s,21770b" means 2407.21783 saved, 2407.21770 saved and read.
 * Pure: no browser APIs.
 */
import type { PaperState } from './model';

export const INDEX_FORMAT = 1;

/** Keys in storage.local. */
export const INDEX_META_KEY = 'paperQueue.index';
export const SHARD_KEY_PREFIX = 'paperQueue.index.';

export interface IndexMeta {
  format: typeof INDEX_FORMAT;
  /** The database's latest mark version that every shard already reflects. */
  v: number;
}

export interface Shard {
  /** The database's latest mark version when this shard was read from it. */
  v: number;
  marks: string;
}

const NEW_STYLE = /^(\d{4})\.(\d{4,5})$/;
const OLD_SHARD = 'old';

/** The shard of a paper id. */
export function shardOf(id: string): string {
  const match = NEW_STYLE.exec(id);
  return match?.[1] ?? OLD_SHARD;
}

export const shardKey = (shard: string) => `${SHARD_KEY_PREFIX}${shard}`;

/** The shard name of a storage key, or null when the key is no shard. */
export function shardOfKey(key: string): string | null {
  return key.startsWith(SHARD_KEY_PREFIX) ? key.slice(SHARD_KEY_PREFIX.length) : null;
}

const FLAGS: Record<string, PaperState> = {
  s: { saved: true, read: false },
  r: { saved: false, read: true },
  b: { saved: true, read: true },
};

function flagOf(state: PaperState): string | null {
  if (state.saved && state.read) return 'b';
  if (state.saved) return 's';
  if (state.read) return 'r';
  return null;
}

/** Encodes one shard's papers (all of the same shard); unmarked ones are left out. */
export function encodeShard(
  shard: string,
  states: Iterable<readonly [id: string, state: PaperState]>,
  v: number,
): Shard {
  const entries: string[] = [];
  const prefix = shard === OLD_SHARD ? '' : `${shard}.`;
  for (const [id, state] of states) {
    const flag = flagOf(state);
    if (flag) entries.push(`${id.slice(prefix.length)}${flag}`);
  }
  entries.sort();
  return { v, marks: entries.join(',') };
}

/**
 * The papers a shard marks, or null for a value that is no shard of this format (a
 * damaged or future entry is ignored, never half read).
 */
export function decodeShard(shard: string, value: unknown): Map<string, PaperState> | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, marks } = value as Partial<Shard>;
  if (typeof v !== 'number' || typeof marks !== 'string') return null;
  const prefix = shard === OLD_SHARD ? '' : `${shard}.`;
  const states = new Map<string, PaperState>();
  if (marks === '') return states;
  for (const entry of marks.split(',')) {
    const state = FLAGS[entry.slice(-1)];
    if (!state || entry.length < 2) return null;
    states.set(`${prefix}${entry.slice(0, -1)}`, state);
  }
  return states;
}

export function shardVersion(value: unknown): number {
  const v = (value as Partial<Shard> | null)?.v;
  return typeof v === 'number' ? v : -1;
}
