/**
 * What this tab knows of the user's marks, and the one set of rules for changing it.
 *
 *   storage.local ── index shards (every mark, by version) ──┐
 *                 └─ outbox (decisions not yet applied) ─────┤
 *   replies (papers.seen, …) ────────────────────────────────┼─▶ shown(id) ─▶ listeners
 *   click ──▶ decide() ──▶ outbox entry (storage.local) ─────┘      (cards, the filter)
 *                    └──▶ outbox.flush (wakes the background, which applies and removes it)
 *
 * Every state carries a version (one clock for the whole database), and only a newer one
 * replaces what is known, so the same change heard twice is heard once and an answer that
 * arrives late never overwrites newer news. A decision shows at once: it is in the outbox,
 * where it outlives this page and the background's sleep, and every tab shows the outbox's
 * decisions until the background has applied them. The store is loaded from one
 * `storage.local.get` at document_start and outlives page sessions (in-page navigation).
 */
import { decodeShard, shardOf, shardOfKey, shardVersion } from '../shared/mark-index';
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import { isOutboxKey, type OutboxEntry, readOutboxEntry } from '../shared/outbox';

type Listener = (ids: readonly string[]) => void;

export interface StoreDeps {
  /** Writes an outbox entry (storage.local); the page may close as soon as it is called. */
  writeOutbox: (key: string, entry: OutboxEntry) => Promise<void>;
  removeOutbox: (key: string) => Promise<void>;
  /** Wakes the background to apply the outbox now (it also does on its own). */
  flush: () => Promise<unknown>;
  /** A storage key for this tab's next outbox entry. */
  nextOutboxKey: () => string;
  /** The URL of the page deciding (the background refuses a site turned off since). */
  pageUrl: () => string;
  clock?: () => number;
}

export interface StorageChange {
  newValue?: unknown;
}

const UNMARKED: PaperState = Object.freeze({ saved: false, read: false });

const same = (a: PaperState, b: PaperState) => a.saved === b.saved && a.read === b.read;

interface Known {
  state: PaperState;
  v: number;
}

export class MarkStore {
  /** Each index shard as last read, with its version. */
  private readonly shards = new Map<string, { v: number; states: Map<string, PaperState> }>();
  /** States told by replies that are newer than their paper's shard. */
  private readonly replies = new Map<string, Known>();
  /** Decisions not yet applied, by outbox key (this tab's and other tabs'). */
  private readonly outbox = new Map<string, OutboxEntry>();
  /** This tab's own entries, waiting to be applied or to fail. */
  private readonly waiting = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<Listener>();
  private readonly readyListeners: (() => void)[] = [];
  private ready = false;

  constructor(private readonly deps: StoreDeps) {}

  /** Whether the index has been read: until then no card's state is known. */
  isReady(): boolean {
    return this.ready;
  }

  onReady(listener: () => void): void {
    if (this.ready) listener();
    else this.readyListeners.push(listener);
  }

  /** The newest state known from the index or a reply, before pending decisions. */
  private known(id: string): Known | undefined {
    const shard = this.shards.get(shardOf(id));
    const reply = this.replies.get(id);
    if (reply && (!shard || reply.v > shard.v)) return reply;
    return shard ? { state: shard.states.get(id) ?? UNMARKED, v: shard.v } : reply;
  }

  /** What a card shows: the newest known state with the decisions still in the outbox over it. */
  shown(id: string): PaperState {
    const known = this.known(id)?.state ?? UNMARKED;
    if (this.outbox.size === 0) return known;
    const changes: { at: number; change: Partial<PaperState> }[] = [];
    for (const entry of this.outbox.values()) {
      const change = entry.marks[id];
      if (change) changes.push({ at: entry.at, change });
    }
    if (changes.length === 0) return known;
    // Each field as the latest decision in the outbox has it.
    changes.sort((a, b) => a.at - b.at);
    const state = { ...known };
    for (const { change } of changes) Object.assign(state, change);
    return state;
  }

  /** Calls `listener` with the papers whose shown state changed, until `signal` aborts. */
  subscribe(listener: Listener, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener));
  }

  /** The first read of storage.local (at document_start): every shard and the outbox. */
  load(items: Record<string, unknown>): void {
    // Nothing was shown before (cards wait for this, see isReady): no one to tell per paper.
    this.applyStorage(
      Object.entries(items).map(([key, value]) => [key, { newValue: value }]),
      !this.ready,
    );
    this.ready = true;
    for (const listener of this.readyListeners.splice(0)) listener();
  }

  /** A storage.onChanged event (area local). */
  storageChanged(changes: Record<string, StorageChange>): void {
    this.applyStorage(Object.entries(changes));
  }

  private applyStorage(changes: [string, StorageChange][], quiet = false): void {
    const touched = new Set<string>();
    const before = new Map<string, PaperState>();
    const remember = (ids: Iterable<string>) => {
      if (quiet) return;
      for (const id of ids) {
        if (!before.has(id)) before.set(id, this.shown(id));
        touched.add(id);
      }
    };
    for (const [key, change] of changes) {
      const shard = shardOfKey(key);
      if (shard !== null) {
        const v = shardVersion(change.newValue);
        const current = this.shards.get(shard);
        if (current && v <= current.v) continue; // older (or the same) news
        const states = decodeShard(shard, change.newValue);
        if (!states) continue; // damaged or another format: keep what is known
        remember(states.keys());
        if (current) remember(current.states.keys());
        this.shards.set(shard, { v, states });
        for (const [id, reply] of this.replies) {
          if (shardOf(id) === shard && reply.v <= v) {
            remember([id]);
            this.replies.delete(id);
          }
        }
      } else if (isOutboxKey(key)) {
        const entry = readOutboxEntry(change.newValue);
        const old = this.outbox.get(key);
        if (old) remember(Object.keys(old.marks));
        if (entry && !entry.failed) {
          remember(Object.keys(entry.marks));
          this.outbox.set(key, entry);
        } else {
          this.outbox.delete(key);
          this.settle(key, entry?.failed);
        }
      }
    }
    this.notifyChanged(touched, before);
  }

  /** States from replies (papers.seen, paper.opened): a newer version replaces what is known. */
  receive(states: StateMap): void {
    const touched = new Set<string>();
    const before = new Map<string, PaperState>();
    for (const [id, state] of Object.entries(states)) {
      const known = this.known(id);
      if (known && state.v <= known.v) continue;
      before.set(id, this.shown(id));
      touched.add(id);
      this.replies.set(id, { state: { saved: state.saved, read: state.read }, v: state.v });
    }
    this.notifyChanged(touched, before);
  }

  /**
   * The user decided: `changes` (intended values, never flips) go to the outbox with the time
   * they were made, show at once on every card of every tab, and the background is woken to
   * apply them. Resolves once applied; rejects with the reason when they could not be (the
   * cards then show what is known again).
   */
  decide(changes: Readonly<Record<string, Partial<PaperState>>>, paper?: PaperMeta): Promise<void> {
    const key = this.deps.nextOutboxKey();
    const entry: OutboxEntry = {
      at: (this.deps.clock ?? Date.now)(),
      marks: { ...changes },
      page: this.deps.pageUrl(),
      ...(paper ? { paper } : {}),
    };
    const done = new Promise<void>((resolve, reject) => this.waiting.set(key, { resolve, reject }));
    this.applyStorage([[key, { newValue: entry }]]);
    this.deps.writeOutbox(key, entry).then(
      () => void this.deps.flush().catch(() => {}),
      (error: unknown) => {
        // Never written: nothing will apply it. Show what is known again, and why.
        const reason = error instanceof Error ? error.message : String(error);
        this.applyStorage([[key, { newValue: { ...entry, failed: reason } }]]);
      },
    );
    return done;
  }

  /** This tab's entry was applied (gone) or refused (`failed`): tell whoever waits. */
  private settle(key: string, failed: string | undefined): void {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    this.waiting.delete(key);
    if (failed) {
      waiting.reject(new Error(failed));
      void this.deps.removeOutbox(key).catch(() => {});
    } else waiting.resolve();
  }

  private notifyChanged(touched: Set<string>, before: Map<string, PaperState>): void {
    const changed: string[] = [];
    for (const id of touched) {
      if (!same(before.get(id) ?? UNMARKED, this.shown(id))) changed.push(id);
    }
    if (changed.length === 0) return;
    for (const listener of this.listeners) listener(changed);
  }
}
