/**
 * Decorates one page view (one URL) with controls, now and as the page re-renders. A new
 * view (in-page navigation) gets a new session; `stop()` releases everything this one made.
 *
 *   page DOM ──MutationObserver──▶ dom-watcher (queues nodes, one batch per frame)
 *                                        │
 *                                        ▼
 *   parse-cards / paper-page + islands ──▶ decorate(batch) ──▶ control hosts (shadow DOM)
 *                                        │  one `papers.seen` per batch
 *                                        ▼
 *                                   background ──▶ states ──▶ CardRegistry ──▶ every copy
 *   storage.onChanged (other tabs, popup) ─────(content-app)──▶ CardRegistry
 *
 * Browser APIs come in through `ContentDeps`, so the whole flow runs under unit tests too.
 */
import { MAX_PAPERS_PER_MESSAGE } from '../shared/limits';
import { type PaperMeta, type PaperState, type StateMap, UNMARKED } from '../shared/model';
import type { Recognition } from '../shared/page-status';
import type { RequestOf, RequestType, Responses } from '../shared/protocol';
import type { HideMode, Settings } from '../shared/settings';
import { CARD_SELECTOR } from '../shared/site';
import { CardRegistry } from './card-registry';
import { cleanMeta } from './clean-meta';
import {
  createControlHost,
  isControlHost,
  listenToControls,
  type MarkKey,
  renderControls,
} from './controls';
import { recordBatch, trackLive } from './diagnostics';
import { watchAddedElements } from './dom-watcher';
import { listingIslandProps, parseListingProps } from './listing-island';
import { type ListingTools, startListingTools } from './listing-tools';
import { findPaperTitle, readPaperPageMeta } from './paper-page';
import { type CardCopy, findCardCopies } from './parse-cards';
import { createPerKeyQueue } from './per-key-queue';
import { assessRecognition } from './recognition';
import { describeToggle, UndoHistory } from './undo-history';

export interface ContentDeps {
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;
  /** False once the extension was reloaded or updated under this (orphaned) script. */
  isContextAlive: () => boolean;
  /** Stores the hide mode the user picked on the listing bar (all tabs follow). */
  saveHideMode: (mode: HideMode) => void;
}

export interface PageOptions {
  /** The paper whose own page this is (`/papers/<id>`), if it is one. */
  paperId?: string;
  /** States already known from the previous view, shown at once instead of waiting. */
  knownStates?: ReadonlyMap<string, PaperState>;
  /** Called first in every batch; true when the URL changed and this session is over. */
  urlChanged?: () => boolean;
  /** Called when the extension context turns out to be gone. */
  onOrphaned?: () => void;
}

export interface PageSession {
  registry: CardRegistry;
  /** The user's settings, as soon as they are loaded and whenever they change. */
  applySettings: (settings: Settings) => void;
  /** Applies decisions made elsewhere (other tabs, the popup). */
  applyStates: (states: StateMap) => void;
  recognition: () => Recognition;
  stop: () => void;
}

const UNREACHABLE = 'Paper Queue is unavailable';

/** Past this many added elements in one batch, `decorate` walks the whole page instead. */
const WHOLE_PAGE_ROOTS = 64;

export function decoratePage(
  doc: Document,
  deps: ContentDeps,
  options: PageOptions = {},
): PageSession {
  const controller = new AbortController();
  const { signal } = controller;
  trackLive(signal);
  // Listing views get the read filter, the bar, undo and keys; a paper page does not.
  let tools: ListingTools | null = null;
  const registry = new CardRegistry(options.knownStates, {
    onHostAdded: (id, host) => tools?.onHostAdded(id, host),
    onStateChanged: (id) => tools?.onStateChanged(id),
  });
  const history = new UndoHistory();
  const markQueue = createPerKeyQueue();
  let listingCache: { text: string | null; byId: Map<string, PaperMeta> } = {
    text: null,
    byId: new Map(),
  };

  const stop = () => {
    if (signal.aborted) return;
    controller.abort();
    registry.clear();
  };

  /** Re-reads the listing island only when its props changed (the site replaces them). */
  const listingMeta = () => {
    const text = listingIslandProps(doc);
    if (text !== listingCache.text) listingCache = { text, byId: parseListingProps(text) };
    return listingCache.byId;
  };

  const metaFor = (copy: CardCopy, listing: Map<string, PaperMeta>): PaperMeta | null => {
    const fromIsland =
      copy.id === options.paperId ? readPaperPageMeta(doc, copy.id) : listing.get(copy.id);
    // Island metadata comes cleaned (metaFromEntry); only the card's own title needs it here.
    return fromIsland ?? cleanMeta({ id: copy.id, title: copy.title || copy.id });
  };

  const findCopies = (scope: ParentNode): CardCopy[] => {
    const copies = findCardCopies(scope);
    if (options.paperId) copies.push(...findPaperTitle(scope, options.paperId));
    return copies;
  };

  const failed = (error: unknown): string => {
    if (!deps.isContextAlive()) {
      options.onOrphaned?.();
      stop();
      return '';
    }
    return error instanceof Error ? error.message : UNREACHABLE;
  };

  /** Sends intended marks for many papers; shows them at once and reverts on failure. */
  const setMarks = (marks: Record<string, Partial<PaperState>>, before: StateMap) => {
    for (const [id, wanted] of Object.entries(marks)) {
      const was = before[id];
      if (was) registry.setState(id, { ...was, ...wanted });
    }
    const noticesBefore = new Map(Object.keys(marks).map((id) => [id, registry.noticeCount(id)]));
    return deps
      .send({ type: 'papers.set', marks })
      .then((states) => {
        for (const [id, state] of Object.entries(states)) {
          if (registry.noticeCount(id) === noticesBefore.get(id)) registry.setState(id, state);
        }
        return true;
      })
      .catch((error: unknown) => {
        const message = failed(error);
        if (signal.aborted) return false;
        for (const [id, state] of Object.entries(before)) registry.setState(id, state, message);
        tools?.toast(message || UNREACHABLE, false);
        return false;
      });
  };

  const onToggle = (id: string, key: MarkKey) => {
    if (signal.aborted) return;
    // Not answered yet: the card shows the default look, and the click means what it showed.
    const before = registry.state(id) ?? UNMARKED;
    if (!deps.isContextAlive()) return void failed(null);
    const wanted = !before[key];
    tools?.touchedHere(id);
    registry.setState(id, { ...before, [key]: wanted });
    const request: RequestOf<'paper.mark'> = { type: 'paper.mark', id, paper: registry.meta(id) };
    request[key] = wanted;
    history.push({ label: describeToggle(key, wanted), before: { [id]: before } });
    tools?.toast(describeToggle(key, wanted));
    // In click order per paper; a later click's optimistic state outranks an earlier reply.
    registry.hold(id);
    const noticesBefore = registry.noticeCount(id);
    const { done, isLatest } = markQueue.run(id, () => deps.send(request));
    const settle = (state: PaperState, error = '') => {
      registry.release(id);
      if (signal.aborted || !isLatest()) return;
      // A notice came meanwhile. Usually our own (announced before the reply), agreeing
      // with it; if it disagrees, another context changed the paper and either may be the
      // newer news: ask.
      const noticed = registry.lastNotice(id);
      const crossed = registry.noticeCount(id) !== noticesBefore;
      if (crossed && (error || !sameState(noticed, state))) void refreshState(id);
      else registry.setState(id, state, error);
    };
    done.then(settle, (error: unknown) => settle(before, failed(error)));
  };

  const sameState = (a: PaperState | undefined, b: PaperState) =>
    a?.saved === b.saved && a?.read === b.read;

  /** Asks what is true now; asks again if a notice crossed the answer (it may be newer). */
  const refreshState = async (id: string, tries = 3): Promise<void> => {
    const noticesBefore = registry.noticeCount(id);
    const states = await deps.send({ type: 'papers.states', ids: [id] }).catch(() => null);
    if (signal.aborted || registry.isHeld(id)) return;
    const state = states?.[id];
    if (state && registry.noticeCount(id) === noticesBefore) registry.setState(id, state);
    else if (tries > 1) await refreshState(id, tries - 1);
  };

  const markAllRead = (ids: string[]) => {
    const before: StateMap = {};
    const marks: Record<string, Partial<PaperState>> = {};
    for (const id of ids) {
      const state = registry.state(id);
      if (state && !state.read) {
        before[id] = state;
        marks[id] = { read: true };
      }
    }
    const count = Object.keys(marks).length;
    if (count === 0) return;
    const label = count === 1 ? 'Marked 1 paper read' : `Marked ${count} papers read`;
    history.push({ label, before });
    tools?.toast(label);
    void setMarks(marks, before);
  };

  const undo = () => {
    const change = history.pop();
    if (!change || signal.aborted) return;
    const current: StateMap = {};
    for (const id of Object.keys(change.before)) {
      const state = registry.state(id);
      if (state) current[id] = state;
    }
    void setMarks(change.before, current).then((ok) => {
      if (ok) tools?.toast(`Undone: ${change.label}`, false);
    });
  };

  /** Puts controls after each copy's heading, unless the page dropped it or it has them. */
  const place = (copies: readonly CardCopy[]) => {
    for (const copy of copies) {
      const next = copy.heading.nextElementSibling;
      if (!copy.heading.isConnected || (next && registry.holds(next))) continue;
      const host = createControlHost(doc, copy.id);
      copy.heading.after(host);
      registry.add(copy.id, host);
    }
  };

  /**
   * One `papers.seen` per batch (chunked only past the protocol's limit). The controls are
   * already in the page, disabled: placing them in the same frame as the cards costs the page
   * one layout instead of two (a month view is megabytes of markup), and the answer only
   * enables them and shows any marks.
   */
  const askStates = (papers: PaperMeta[], syncMs: number) => {
    for (let start = 0; start < papers.length; start += MAX_PAPERS_PER_MESSAGE) {
      const chunk = papers.slice(start, start + MAX_PAPERS_PER_MESSAGE);
      deps
        .send({ type: 'papers.seen', papers: chunk })
        .then((states) => {
          if (signal.aborted) return;
          const started = performance.now();
          registry.rememberStates(states);
          recordBatch(syncMs + performance.now() - started);
        })
        .catch((error: unknown) => {
          const message = failed(error) || UNREACHABLE;
          if (signal.aborted) return;
          for (const paper of chunk) {
            for (const host of registry.hostsFor(paper.id))
              renderControls(host, undefined, message);
          }
        });
    }
  };

  /** Finds card copies not yet decorated; decorates those whose state is known, asks for the rest. */
  const decorate = (roots: readonly Element[], removedSome = true) => {
    if (signal.aborted || options.urlChanged?.() || signal.aborted) return;
    if (!deps.isContextAlive()) return void failed(null);
    const started = performance.now();
    // Many roots (a view rendered at once): one walk of the page beats one per root.
    const scopes: Set<ParentNode> =
      roots.length > WHOLE_PAGE_ROOTS
        ? new Set([doc])
        : new Set(roots.filter((r) => r.isConnected).map((r) => r.closest(CARD_SELECTOR) ?? r));
    const fresh: CardCopy[] = [];
    for (const scope of scopes) {
      for (const copy of findCopies(scope)) {
        const next = copy.heading.nextElementSibling;
        if (next && registry.holds(next)) continue;
        if (next && isControlHost(next)) next.remove(); // left by an orphaned earlier script
        fresh.push(copy);
      }
    }
    if (removedSome) registry.prune();
    if (fresh.length === 0) return;

    // Once per batch: the island's props can be megabytes on a month view.
    const listing = listingMeta();
    const unknown = new Map<string, PaperMeta>();
    for (const copy of fresh) {
      const meta = registry.meta(copy.id) ?? metaFor(copy, listing);
      if (meta) registry.remember(copy.id, meta);
      if (meta && !registry.has(copy.id)) unknown.set(copy.id, meta);
    }
    place(fresh);
    askStates([...unknown.values()], performance.now() - started);
    recordBatch(performance.now() - started);
  };

  if (!options.paperId) {
    tools = startListingTools(
      doc,
      registry,
      { toggle: onToggle, markAllRead, undo, saveHideMode: deps.saveHideMode },
      signal,
    );
  }

  listenToControls(doc, onToggle, signal);
  // The whole document: a site that swaps <body> must not leave us watching a detached node.
  const watcher = watchAddedElements(doc.documentElement, decorate, signal);
  watcher.runNow([doc.body]);

  if (options.paperId && !signal.aborted) {
    const id = options.paperId;
    const paper = registry.meta(id);
    deps
      .send({ type: 'paper.opened', id, ...(paper ? { paper } : {}) })
      .then((state) => registry.setState(id, state))
      .catch((error: unknown) => void failed(error));
  }

  return {
    registry,
    applySettings: (settings) => tools?.applySettings(settings),
    applyStates: (states) => registry.applyStates(states),
    recognition: () =>
      assessRecognition(
        doc,
        registry.paperCount(),
        listingIslandProps(doc) ? listingMeta().size : 0,
        new Set(registry.allHosts().map((host) => host.closest(CARD_SELECTOR) ?? host)),
      ),
    stop,
  };
}
