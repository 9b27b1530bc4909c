/**
 * What this tab knows of the user's marks, and the one set of rules for changing it: every
 * state the background tells (a reply, a change notice) carries the mark's version, and
 * only a newer version replaces what is known — so the same change heard twice (its reply
 * and its notice) is heard once, and an answer that arrives late can never overwrite newer
 * news. A click shows at once as a pending decision until the background has written it.
 *
 *   click ──▶ decide() ──pending──▶ shown(id) ──▶ listeners (cards)
 *                │                      ▲
 *                └──▶ send ──reply──▶ receive() ◀── change notices (other tabs, popup)
 *
 * It outlives page sessions (in-page navigation), so the next view shows marks at once.
 */
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import type { ContentSend } from './content-deps';

type Listener = (ids: readonly string[]) => void;

const UNKNOWN: PaperState = Object.freeze({ saved: false, read: false });

const same = (a: PaperState, b: PaperState) => a.saved === b.saved && a.read === b.read;

export class MarkStore {
  /** The newest state the background told of each paper, with its version. */
  private readonly known = new Map<string, { state: PaperState; v: number }>();
  /** Decisions made here that the background has not confirmed yet; only the latest per paper. */
  private readonly pending = new Map<string, { state: PaperState; op: number }>();
  private readonly listeners = new Set<Listener>();
  private ops = 0;

  constructor(
    private readonly send: ContentSend,
    private readonly clock: () => number = Date.now,
  ) {}

  /** What a card shows: a pending decision, else the newest state known, else "unmarked". */
  shown(id: string): PaperState {
    return this.pending.get(id)?.state ?? this.known.get(id)?.state ?? UNKNOWN;
  }

  /** Whether the background has told anything about `id` yet. */
  isKnown(id: string): boolean {
    return this.known.has(id);
  }

  /** Calls `listener` with the papers whose shown state changed, until `signal` aborts. */
  subscribe(listener: Listener, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener));
  }

  /** States from the background (replies, notices): a newer version replaces what is known. */
  receive(states: StateMap): void {
    const changed: string[] = [];
    for (const [id, state] of Object.entries(states)) {
      const current = this.known.get(id);
      if (current && state.v < current.v) continue; // older news
      const before = this.shown(id);
      this.known.set(id, { state: { saved: state.saved, read: state.read }, v: state.v });
      if (!same(before, this.shown(id))) changed.push(id);
    }
    this.notify(changed);
  }

  /**
   * The user decided: `changes` (intended values, never flips) show at once and are sent as
   * one message, with the time they were made; the reply is received like any state. Rejects
   * with the background's error, after the cards went back to what is known.
   */
  async decide(
    changes: Readonly<Record<string, Partial<PaperState>>>,
    paper?: PaperMeta,
  ): Promise<void> {
    const at = this.clock();
    const op = ++this.ops;
    const ids = Object.keys(changes);
    for (const id of ids) {
      this.pending.set(id, { state: { ...this.shown(id), ...changes[id] }, op });
    }
    this.notify(ids);
    try {
      const [only] = ids;
      if (ids.length === 1 && only) {
        const { saved, read } = changes[only] ?? {};
        const state = await this.send({
          type: 'paper.mark',
          id: only,
          at,
          ...(saved !== undefined ? { saved } : {}),
          ...(read !== undefined ? { read } : {}),
          ...(paper ? { paper } : {}),
        });
        this.receive({ [only]: state });
      } else {
        this.receive(await this.send({ type: 'papers.set', at, marks: { ...changes } }));
      }
    } finally {
      this.settle(ids, op);
    }
  }

  /** Forgets the pending decisions of `op` that no later decision replaced. */
  private settle(ids: readonly string[], op: number): void {
    const changed: string[] = [];
    for (const id of ids) {
      const pending = this.pending.get(id);
      if (pending?.op !== op) continue;
      this.pending.delete(id);
      if (!same(pending.state, this.shown(id))) changed.push(id);
    }
    this.notify(changed);
  }

  private notify(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids);
  }
}
