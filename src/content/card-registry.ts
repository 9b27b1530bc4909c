/**
 * Which control hosts show which paper, and the last known state of each paper. All copies
 * of a card (and the same paper listed twice) share one state, so they can never disagree.
 */
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import { HOST_ATTRIBUTE, renderControls } from './controls';

export class CardRegistry {
  private readonly hostsById = new Map<string, Set<HTMLElement>>();
  private readonly states = new Map<string, PaperState>();
  private readonly metas = new Map<string, PaperMeta>();
  private readonly notices = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  private readonly lastNotices = new Map<string, PaperState>();

  /**
   * `known`: states learned by an earlier view of the page, shown until fresh ones arrive.
   * `onHostAdded` / `onStateChanged` let the listing tools keep cards and counts in step.
   */
  constructor(
    private readonly known: ReadonlyMap<string, PaperState> = new Map(),
    private readonly listener: {
      onHostAdded?: (id: string, host: HTMLElement) => void;
      onStateChanged?: (id: string) => void;
    } = {},
  ) {}

  /** Adds a control host for paper `id` and shows the paper's state (disabled until known). */
  add(id: string, host: HTMLElement): void {
    let hosts = this.hostsById.get(id);
    if (!hosts) {
      hosts = new Set();
      this.hostsById.set(id, hosts);
    }
    hosts.add(host);
    renderControls(host, this.state(id));
    this.listener.onHostAdded?.(id, host);
  }

  /** What the page says about paper `id`, sent along with the user's marks. */
  remember(id: string, meta: PaperMeta): void {
    this.metas.set(id, meta);
  }

  /**
   * Stores states the background answered. A paper first answered "not saved, unread" is only
   * recorded: its controls already show that default look and its card has nothing to hide,
   * so a month view's answer touches only the few cards that differ.
   */
  rememberStates(states: StateMap): void {
    for (const [id, state] of Object.entries(states)) {
      const shown = this.states.get(id) ?? this.known.get(id);
      if (!shown && !state.saved && !state.read) this.states.set(id, state);
      else this.setState(id, state);
    }
  }

  /** Whether `node` is a control host of this registry (not one an earlier script left). */
  holds(node: Element): boolean {
    const id = node.getAttribute(HOST_ATTRIBUTE);
    return id !== null && this.hostsById.get(id)?.has(node as HTMLElement) === true;
  }

  has(id: string): boolean {
    return this.states.has(id);
  }

  /** Distinct papers with controls on the page. */
  paperCount(): number {
    return this.hostsById.size;
  }

  /** The states this view learned, to show at once in the next view of the page. */
  knownStates(): Map<string, PaperState> {
    return new Map(this.states);
  }

  state(id: string): PaperState | undefined {
    return this.states.get(id) ?? this.known.get(id);
  }

  meta(id: string): PaperMeta | undefined {
    return this.metas.get(id);
  }

  /** Sets a paper's state and shows it on every host of that paper. */
  setState(id: string, state: PaperState, error = ''): void {
    this.states.set(id, state);
    for (const host of this.hostsFor(id)) renderControls(host, state, error);
    this.listener.onStateChanged?.(id);
  }

  /**
   * Applies states for the papers this page shows; others are ignored. A paper with a click
   * of this page still on its way keeps showing that click: the notice may be older than it,
   * and whoever settles the click reads the truth afterwards.
   */
  applyStates(states: StateMap): void {
    for (const [id, state] of Object.entries(states)) {
      this.notices.set(id, this.noticeCount(id) + 1);
      this.lastNotices.set(id, state);
      if (this.hostsById.has(id) && !this.pending.has(id)) this.setState(id, state);
    }
  }

  /** The state the last change notice about `id` told, if any came. */
  lastNotice(id: string): PaperState | undefined {
    return this.lastNotices.get(id);
  }

  /** A request about `id` is on its way; `release` when it is settled. */
  hold(id: string): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
  }

  release(id: string): void {
    const left = (this.pending.get(id) ?? 1) - 1;
    if (left > 0) this.pending.set(id, left);
    else this.pending.delete(id);
  }

  isHeld(id: string): boolean {
    return this.pending.has(id);
  }

  /**
   * How many change notices about `id` arrived so far. Notices come in commit order; a reply
   * does not: a reply to a request sent before the latest notice may describe an older
   * commit, and must not overwrite what the notice showed.
   */
  noticeCount(id: string): number {
    return this.notices.get(id) ?? 0;
  }

  /** Hosts of a paper still in the document; forgets hosts the page removed. */
  hostsFor(id: string): HTMLElement[] {
    const hosts = this.hostsById.get(id);
    if (!hosts) return [];
    for (const host of hosts) if (!host.isConnected) hosts.delete(host);
    return [...hosts];
  }

  /** Ids of the papers with controls on the page, in the order they were first seen. */
  ids(): string[] {
    return [...this.hostsById.keys()];
  }

  allHosts(): HTMLElement[] {
    return [...this.hostsById.keys()].flatMap((id) => this.hostsFor(id));
  }

  /** Forgets papers none of whose hosts are in the document any more. */
  prune(): void {
    for (const id of [...this.hostsById.keys()]) {
      if (this.hostsFor(id).length === 0) {
        this.hostsById.delete(id);
        this.states.delete(id);
        this.metas.delete(id);
      }
    }
  }

  /** Removes every host from the page. */
  clear(): void {
    for (const host of this.allHosts()) host.remove();
    this.hostsById.clear();
    this.states.clear();
    this.metas.clear();
  }
}
