/**
 * Applies the decisions pages left in the outbox (src/shared/outbox.ts), oldest first, each
 * as the decision it is (by its decision time, so one written before a newer decision made
 * elsewhere cannot undo it), then tells every tab through the mark index and removes the
 * entries. Run when a page asks (`outbox.flush`), when an entry appears, and at every start,
 * so an entry left by a page that closed, or by a worker that stopped, is never lost.
 * A malformed entry is dropped with a console warning; one that cannot be written (a full
 * disk), or that comes from a site the user has turned off since its page loaded, comes back
 * to its page with the reason.
 */
import browser from 'webextension-polyfill';
import type { PaperQueueDB } from '../db/database';
import { applyIntents } from '../db/marks';
import { decisionTime } from '../db/records';
import { describeStorageFault } from '../db/storage-faults';
import type { StateMap } from '../shared/model';
import { isOutboxKey } from '../shared/outbox';
import { parseOutboxEntry } from '../shared/protocol';

interface Storage {
  get: (keys: string | null) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (keys: string[]) => Promise<void>;
}

export interface DrainOptions {
  storage?: Storage;
  warn?: (message: string) => void;
  /** Why a decision from the page at this URL is refused now, or null (sender.ts). */
  refusal?: (page: string) => Promise<string | null>;
}

/** Failed entries older than this are removed (the page that made them is gone). */
export const FAILED_ENTRY_LIFETIME_MS = 10 * 60_000;

export interface Drained {
  applied: number;
  failed: number;
  changed: StateMap;
  newlySaved: string[];
}

/**
 * Applies every pending entry. `announce` (the index and badge update) runs after the
 * writes committed and before the entries are removed, so a page never sees its entry gone
 * before the index shows what it did.
 */
export async function drainOutbox(
  db: PaperQueueDB,
  now: number,
  announce: (changed: StateMap) => Promise<void>,
  {
    storage = browser.storage.local,
    warn = (message) => console.warn(message),
    refusal = async () => null,
  }: DrainOptions = {},
): Promise<Drained> {
  const items = await storage.get(null);
  const failedBefore = (value: unknown) => Boolean((value as { failed?: unknown } | null)?.failed);
  // A failed entry waits for its page to show the reason; one left this long has no page.
  const abandoned = Object.entries(items)
    .filter(([key, value]) => isOutboxKey(key) && failedBefore(value))
    .filter(([, value]) => ((value as { at?: number }).at ?? 0) < now - FAILED_ENTRY_LIFETIME_MS)
    .map(([key]) => key);
  const pending = Object.entries(items)
    .filter(([key, value]) => isOutboxKey(key) && !failedBefore(value))
    .map(([key, value]) => ({ key, parsed: parseOutboxEntry(value) }))
    .sort((a, b) => (a.parsed.ok ? a.parsed.entry.at : 0) - (b.parsed.ok ? b.parsed.entry.at : 0));
  const drained: Drained = { applied: 0, failed: 0, changed: {}, newlySaved: [] };
  const done: string[] = [...abandoned];
  const failed: Record<string, unknown> = {};
  for (const { key, parsed } of pending) {
    if (!parsed.ok) {
      warn(`Paper Queue: dropped a damaged outbox entry ${key}: ${parsed.error}`);
      done.push(key);
      continue;
    }
    const { entry } = parsed;
    const refused = await refusal(entry.page);
    if (refused) {
      failed[key] = { ...entry, failed: refused };
      drained.failed++;
      continue;
    }
    try {
      const written = await applyIntents(db, entry.marks, decisionTime(entry.at, now), now, {
        papers: entry.paper ? [entry.paper] : [],
      });
      Object.assign(drained.changed, written.states);
      drained.newlySaved.push(...written.newlySaved);
      drained.applied++;
      done.push(key);
    } catch (error) {
      const reason =
        describeStorageFault(error) ??
        (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      failed[key] = { ...entry, failed: reason.slice(0, 1000) };
      drained.failed++;
    }
  }
  if (drained.applied > 0) await announce(drained.changed);
  if (Object.keys(failed).length > 0) await storage.set(failed);
  if (done.length > 0) await storage.remove(done);
  return drained;
}
