import type { StateMap } from './model';

/**
 * The record the background writes to `storage.local` after every committed change, so each
 * open huggingface.co tab can update its cards (content scripts cannot watch the database).
 */
export const CHANGE_STORAGE_KEY = 'paperQueue.lastChange';
export interface ChangeNotice {
  /** Unique per write, so two identical changes in a row still fire `storage.onChanged`. */
  rev: string;
  states: StateMap;
}
