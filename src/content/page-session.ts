/**
 * Decorates one page view (one URL) with controls, now and as the page re-renders. A new
 * view (in-page navigation) gets a new session; `stop()` releases everything this one made.
 *
 *   page DOM ──MutationObserver──▶ dom-watcher (queues nodes, one batch per frame)
 *                                        │
 *                                        ▼
 *   site adapter (src/site/): copies + metadata ──▶ decorate(batch) ──▶ control hosts
 *                                        │  one `papers.seen` per batch
 *                                        ▼
 *   MarkStore (states by version; pending clicks) ──▶ render(ids) ──▶ every copy, the filter
 *
 * What the user decides here goes through the store (mark-store.ts); what this file adds is
 * the page: where hosts go, what each shows, and errors.
 */
import { MAX_PAPERS_PER_MESSAGE } from '../shared/limits';
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import type { Recognition } from '../shared/page-status';
import type { Settings } from '../shared/settings';
import type { CardCopy, PageAdapter } from '../site';
import type { ContentDeps } from './content-deps';
import {
  createControlHost,
  isControlHost,
  listenToControls,
  type MarkKey,
  renderControls,
} from './controls';
import { recordBatch, trackLive } from './diagnostics';
import { watchAddedElements } from './dom-watcher';
import { HostRegistry } from './host-registry';
import { type ListingTools, startListingTools } from './listing-tools';
import type { MarkStore } from './mark-store';
import { describeToggle, UndoHistory } from './undo-history';

export interface PageOptions {
  /** Called first in every batch; true when the URL changed and this session is over. */
  urlChanged?: () => boolean;
  /** Called when the extension context turns out to be gone. */
  onOrphaned?: () => void;
}

export interface PageSession {
  /** The user's settings, as soon as they are loaded and whenever they change. */
  applySettings: (settings: Settings) => void;
  recognition: () => Recognition;
  stop: () => void;
}

const UNREACHABLE = 'Paper Queue is unavailable';

/** Past this many added elements in one batch, `decorate` walks the whole page instead. */
const WHOLE_PAGE_ROOTS = 64;

export function startPageSession(
  doc: Document,
  page: PageAdapter,
  store: MarkStore,
  deps: Pick<ContentDeps, 'send' | 'isContextAlive' | 'saveHideMode'>,
  options: PageOptions = {},
): PageSession {
  const controller = new AbortController();
  const { signal } = controller;
  trackLive(signal);
  const hosts = new HostRegistry();
  const metas = new Map<string, PaperMeta>();
  /** Papers whose last change failed here, with the reason (shown on their hosts). */
  const errors = new Map<string, string>();
  const history = new UndoHistory();
  // Listing views get the read filter, the bar, undo and keys; a paper page does not.
  let tools: ListingTools | null = null;

  const stop = () => {
    if (signal.aborted) return;
    controller.abort();
    hosts.clear();
  };

  const render = (ids: readonly string[]) => {
    for (const id of ids) {
      if (!hosts.has(id)) continue;
      const state = store.shown(id);
      for (const host of hosts.hostsFor(id)) renderControls(host, state, errors.get(id));
      tools?.onStateChanged(id);
    }
  };
  store.subscribe((ids) => {
    for (const id of ids) errors.delete(id);
    render(ids);
  }, signal);

  /** The reason to show for a failure, or '' after stopping an orphaned script. */
  const failed = (error: unknown): string => {
    if (!deps.isContextAlive()) {
      options.onOrphaned?.();
      stop();
      return '';
    }
    return error instanceof Error ? error.message : UNREACHABLE;
  };

  /** Shows why a change (or, `quietly`, a page's first question) failed on its cards. */
  const showFailure = (ids: readonly string[], error: unknown, quietly = false) => {
    const message = failed(error);
    if (signal.aborted) return;
    for (const id of ids) errors.set(id, message || UNREACHABLE);
    render(ids);
    if (!quietly) tools?.toast(message || UNREACHABLE, false);
  };

  /** Sends intended marks; the store shows them at once and reverts them on failure. */
  const decide = (changes: Record<string, Partial<PaperState>>, paper?: PaperMeta) =>
    store.decide(changes, paper).then(
      () => true,
      (error: unknown) => {
        showFailure(Object.keys(changes), error);
        return false;
      },
    );

  const onToggle = (id: string, key: MarkKey) => {
    if (signal.aborted) return;
    if (!deps.isContextAlive()) return void failed(null);
    const before = store.shown(id);
    const wanted = !before[key];
    tools?.touchedHere(id);
    history.push({ label: describeToggle(key, wanted), before: { [id]: before } });
    tools?.toast(describeToggle(key, wanted));
    void decide({ [id]: { [key]: wanted } }, metas.get(id));
  };

  const markAllRead = (ids: string[]) => {
    const before: Record<string, PaperState> = {};
    const changes: Record<string, Partial<PaperState>> = {};
    for (const id of ids) {
      const state = store.shown(id);
      if (!state.read) {
        before[id] = state;
        changes[id] = { read: true };
      }
    }
    const count = Object.keys(changes).length;
    if (count === 0) return;
    const label = count === 1 ? 'Marked 1 paper read' : `Marked ${count} papers read`;
    history.push({ label, before });
    tools?.toast(label);
    void decide(changes);
  };

  const undo = () => {
    const change = history.pop();
    if (!change || signal.aborted) return;
    void decide({ ...change.before }).then((ok) => {
      if (ok) tools?.toast(`Undone: ${change.label}`, false);
    });
  };

  /** Puts controls after each copy's heading, unless the page dropped it or it has them. */
  const place = (copies: readonly CardCopy[]) => {
    for (const copy of copies) {
      const next = copy.heading.nextElementSibling;
      if (!copy.heading.isConnected || (next && hosts.holds(next))) continue;
      const host = createControlHost(doc, copy.id);
      copy.heading.after(host);
      hosts.add(copy.id, host);
      // A new host shows the default look ("not saved, unread"): only others need painting.
      const state = store.shown(copy.id);
      if (state.saved || state.read || errors.has(copy.id)) {
        renderControls(host, state, errors.get(copy.id));
      }
      tools?.onHostAdded(copy.id, host);
    }
  };

  /**
   * One `papers.seen` per batch (chunked only past the protocol's limit): it records what
   * the papers are and answers their states. The controls are already in the page, in the
   * default look: placing them in the same frame as the cards costs the page one layout
   * instead of two, and the answer changes only the few cards that differ.
   */
  const askStates = (papers: PaperMeta[], syncMs: number) => {
    for (let start = 0; start < papers.length; start += MAX_PAPERS_PER_MESSAGE) {
      const chunk = papers.slice(start, start + MAX_PAPERS_PER_MESSAGE);
      deps
        .send({ type: 'papers.seen', papers: chunk })
        .then((states: StateMap) => {
          if (signal.aborted) return;
          const started = performance.now();
          store.receive(states);
          recordBatch(syncMs + performance.now() - started);
        })
        .catch((error: unknown) => {
          showFailure(
            chunk.map((p) => p.id),
            error,
            true,
          );
        });
    }
  };

  /** Decorates card copies the batch added, and asks about papers new to this view. */
  const decorate = (roots: readonly Element[], removedSome = true) => {
    if (signal.aborted || options.urlChanged?.() || signal.aborted) return;
    if (!deps.isContextAlive()) return void failed(null);
    const started = performance.now();
    // Many roots (a view rendered at once): one walk of the page beats one per root.
    const scopes: Set<ParentNode> =
      roots.length > WHOLE_PAGE_ROOTS
        ? new Set([doc])
        : new Set(roots.filter((r) => r.isConnected).map((r) => page.cardOf(r) ?? r));
    const fresh: CardCopy[] = [];
    for (const scope of scopes) {
      for (const copy of page.findCopies(scope)) {
        const next = copy.heading.nextElementSibling;
        if (next && hosts.holds(next)) continue;
        if (next && isControlHost(next)) next.remove(); // left by an orphaned earlier script
        fresh.push(copy);
      }
    }
    if (removedSome) hosts.prune();
    if (fresh.length === 0) return;

    const unseen = fresh.filter((copy) => !hosts.has(copy.id));
    const described = page.describe(unseen);
    for (const [id, meta] of described) metas.set(id, meta);
    place(fresh);
    askStates([...described.values()], performance.now() - started);
    recordBatch(performance.now() - started);
  };

  if (page.kind === 'listing') {
    tools = startListingTools(
      doc,
      page,
      {
        ids: () => hosts.ids(),
        shown: (id) => store.shown(id),
        hostsFor: (id) => hosts.hostsFor(id),
      },
      { toggle: onToggle, markAllRead, undo, saveHideMode: deps.saveHideMode },
      signal,
    );
  }

  listenToControls(doc, onToggle, signal);
  // The whole document: a site that swaps <body> must not leave us watching a detached node.
  const watcher = watchAddedElements(doc.documentElement, decorate, signal);
  watcher.runNow([doc.body]);

  if (page.paperId && !signal.aborted) {
    const id = page.paperId;
    const paper = metas.get(id);
    deps
      .send({ type: 'paper.opened', id, ...(paper ? { paper } : {}) })
      .then((state) => store.receive({ [id]: state }))
      .catch((error: unknown) => void failed(error));
  }

  return {
    applySettings: (settings) => tools?.applySettings(settings),
    recognition: () =>
      page.recognition(
        hosts.paperCount(),
        new Set(hosts.allHosts().map((host) => page.cardOf(host) ?? host)),
      ),
    stop,
  };
}
