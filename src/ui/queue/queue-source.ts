/**
 * The library as the queue pages hold it, at any size (50,000 saved papers is the whole
 * Daily Papers corpus):
 *
 *   loadFirstScreen (the pinned and newest rows, by index) ──▶ the first rows, at once
 *   savedIds (keys of the savedAt index) ──▶ CHUNK ids at a time: loadEntries ──▶ streamed in,
 *        yielding between chunks, so the page answers while the rest is read
 *   liveQuery(changesSince(version)) ──▶ only the marks that changed, applied in place
 *
 * Until the stream completes the first screen is what is shown (its counts and search are
 * partial, and say so); from then on every change costs what changed, not a new read of the
 * library: a write moves the database's version (one clock, src/db/marks.ts) and the live
 * query reads the marks above the version already applied. Each change is logged with the
 * ids it touched, so a sorted list can be patched instead of sorted again (sorted-list.ts).
 * A paper's search text is lower-cased once; its summary is not kept apart from it.
 * Plain TypeScript: the hook (use-queue-source.ts) holds one per page.
 */
import { liveQuery } from 'dexie';
import type { PaperQueueDB } from '../../db/database';
import { latestVersion } from '../../db/marks';
import { changesSince, loadEntries, type QueueEntry, savedIds, toQueueEntry } from '../../db/queue';
import type { MarkRecord } from '../../db/records';
import { type IndexedEntry, indexEntry, markTextOf } from './queue-query';

/** Ids read per step of the stream. */
export const CHUNK = 1000;
/** How many changes are remembered for patching sorted lists. */
const LOG_LIMIT = 64;

export type SourcePhase = 'loading' | 'first' | 'streaming' | 'complete' | 'error';

export interface SourceState {
  phase: SourcePhase;
  /** Moves on with every change to `entries`. */
  version: number;
  /** Every entry known now, in no order (a new array only when something changed). */
  entries: readonly IndexedEntry[];
  /** Saved papers read so far, and how many there are (while streaming). */
  loaded: number;
  total: number;
  error: Error | null;
}

/** A slimmer entry to keep: its summary lives on only in the lower-cased search text. */
function keep(entry: QueueEntry): IndexedEntry {
  const indexed = indexEntry(entry);
  return { ...indexed, entry: { ...entry, summary: '' } };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class QueueSource {
  private readonly byId = new Map<string, IndexedEntry>();
  private list: IndexedEntry[] = [];
  private state: SourceState = {
    phase: 'loading',
    version: 0,
    entries: [],
    loaded: 0,
    total: 0,
    error: null,
  };
  /** The database version the entries reflect. */
  private applied = 0;
  private readonly log: { version: number; ids: string[] }[] = [];
  private readonly listeners = new Set<(state: SourceState) => void>();
  private readonly controller = new AbortController();
  private subscription: { unsubscribe: () => void } | null = null;

  constructor(private readonly db: PaperQueueDB) {}

  get current(): SourceState {
    return this.state;
  }

  subscribe(listener: (state: SourceState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The entry of a paper, as known now. */
  get(id: string): IndexedEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * The ids whose entries changed after `version` (up to now), or null when that is too far
   * back to tell (then a list built at `version` is built again).
   */
  changedSince(version: number): Set<string> | null {
    if (version === this.state.version) return new Set();
    const oldest = this.log[0];
    if (!oldest || oldest.version > version + 1) return null;
    const ids = new Set<string>();
    for (const change of this.log)
      if (change.version > version) for (const id of change.ids) ids.add(id);
    return ids;
  }

  /**
   * Shows the first screen, then streams in the rest and keeps up with every change. The
   * stream starts once the first screen is on screen: its reads would otherwise share the
   * database's connection with the first screen's and hold it back (at 50,000 papers the
   * first row came 3.7 times later than at 20).
   */
  start(firstScreen: Promise<QueueEntry[]>): void {
    const afterPaint = () => {
      const frame = globalThis.requestAnimationFrame ?? ((run: () => void) => setTimeout(run, 0));
      frame(() => setTimeout(() => void this.stream(), 0));
    };
    firstScreen.then(
      (entries) => {
        if (this.stopped || this.state.phase !== 'loading') return;
        for (const entry of entries) this.byId.set(entry.id, keep(entry));
        this.update({ phase: 'first' }, null);
        afterPaint();
      },
      // The stream (or the open check) reports what failed.
      afterPaint,
    );
  }

  stop(): void {
    this.controller.abort();
    this.subscription?.unsubscribe();
    this.listeners.clear();
  }

  private get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  private async stream(): Promise<void> {
    const streamed = new Map<string, IndexedEntry>();
    try {
      // The version first: whatever is written while the rest is read comes after it, and
      // is caught up with by the live query.
      const since = await latestVersion(this.db);
      const ids = await savedIds(this.db);
      if (this.stopped) return;
      this.state = { ...this.state, total: ids.length };
      // The next chunk is asked for before this one is taken in: the database reads it
      // (in the browser's process) while this page indexes the last one.
      const read = (start: number) =>
        start < ids.length ? loadEntries(this.db, ids.slice(start, start + CHUNK)) : null;
      let next = read(0);
      for (let start = 0; next; start += CHUNK) {
        const entries = await next;
        if (this.stopped) return;
        next = read(start + CHUNK);
        for (const entry of entries) streamed.set(entry.id, keep(entry));
        this.update(
          { phase: 'streaming', loaded: Math.min(ids.length, start + CHUNK) },
          null,
          false,
        );
        await nextTask();
      }
      this.byId.clear();
      for (const [id, entry] of streamed) this.byId.set(id, entry);
      this.applied = since;
      this.update({ phase: 'complete', loaded: ids.length }, null);
      this.watch();
    } catch (error) {
      if (this.stopped) return;
      this.update(
        { phase: 'error', error: error instanceof Error ? error : new Error(String(error)) },
        null,
      );
    }
  }

  /** Applies every change to the marks from now on (the first answer catches up on the stream). */
  private watch(): void {
    const observable = liveQuery(() =>
      changesSince(this.db, this.applied, (id) => this.byId.has(id)),
    );
    this.subscription = observable.subscribe({
      next: ({ marks, papers }) => {
        if (this.stopped) return;
        const changed: string[] = [];
        // One write gives all its marks one version: each mark above the version applied
        // before this answer counts, and the version moves on once they all did.
        const before = this.applied;
        for (const mark of [...marks].sort((a, b) => a.updatedAt - b.updatedAt)) {
          if (mark.updatedAt <= before) continue;
          this.applied = Math.max(this.applied, mark.updatedAt);
          if (this.apply(mark, papers.get(mark.id))) changed.push(mark.id);
        }
        if (changed.length > 0) this.update({}, changed);
      },
      error: (error: unknown) => {
        if (this.stopped) return;
        this.update(
          { phase: 'error', error: error instanceof Error ? error : new Error(String(error)) },
          null,
        );
      },
    });
  }

  /** One changed mark; true when an entry changed (was added, updated or removed). */
  private apply(mark: MarkRecord, paper: Parameters<typeof toQueueEntry>[1]): boolean {
    const before = this.byId.get(mark.id);
    if (mark.savedAt === 0) return this.byId.delete(mark.id);
    if (!before) {
      this.byId.set(mark.id, keep(toQueueEntry(mark, paper)));
      return true;
    }
    // Metadata read once is kept (as before: what the site says later shows on the next open).
    const entry: QueueEntry = {
      ...before.entry,
      savedAt: mark.savedAt,
      readAt: mark.readAt,
      pinnedAt: mark.pinnedAt ?? 0,
      tags: mark.tags ?? [],
      note: mark.note ?? '',
    };
    this.byId.set(mark.id, { entry, haystack: before.haystack, markText: markTextOf(entry) });
    return true;
  }

  /** A new state; `changed`: the ids that changed (null: too many, or the whole set). */
  private update(
    patch: Partial<SourceState>,
    changed: string[] | null,
    entriesChanged = true,
  ): void {
    let { version, entries } = this.state;
    if (entriesChanged) {
      version++;
      this.list = [...this.byId.values()];
      entries = this.list;
      if (changed) {
        this.log.push({ version, ids: changed });
        if (this.log.length > LOG_LIMIT) this.log.shift();
      } else this.log.length = 0;
    }
    this.state = { ...this.state, ...patch, version, entries };
    for (const listener of this.listeners) listener(this.state);
  }
}
