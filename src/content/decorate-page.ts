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
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import type { Recognition } from '../shared/page-status';
import type { RequestOf, RequestType, Responses } from '../shared/protocol';
import { CARD_SELECTOR } from '../shared/site';
import { CardRegistry } from './card-registry';
import { cleanMeta } from './clean-meta';
import { createControlHost, isControlHost, type MarkKey, setDarkTheme } from './controls';
import { trackLive } from './diagnostics';
import { watchAddedElements } from './dom-watcher';
import { listingIslandProps, parseListingProps } from './listing-island';
import { findPaperTitle, readPaperPageMeta } from './paper-page';
import { type CardCopy, findCardCopies } from './parse-cards';
import { assessRecognition } from './recognition';
import { followPageTheme, isDarkPage } from './theme';

export interface ContentDeps {
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;
  /** False once the extension was reloaded or updated under this (orphaned) script. */
  isContextAlive: () => boolean;
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
  /** Applies decisions made elsewhere (other tabs, the popup). */
  applyStates: (states: StateMap) => void;
  recognition: () => Recognition;
  stop: () => void;
}

const UNREACHABLE = 'Paper Queue is unavailable';

export function decoratePage(
  doc: Document,
  deps: ContentDeps,
  options: PageOptions = {},
): PageSession {
  const controller = new AbortController();
  const { signal } = controller;
  trackLive(signal);
  const registry = new CardRegistry(options.knownStates);
  const ownHosts = new WeakSet<Element>();
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

  const metaFor = (copy: CardCopy): PaperMeta | null => {
    const fromIsland =
      copy.id === options.paperId ? readPaperPageMeta(doc, copy.id) : listingMeta().get(copy.id);
    return cleanMeta(fromIsland ?? { id: copy.id, title: copy.title || copy.id });
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

  const onToggle = (id: string, key: MarkKey) => {
    const before = registry.state(id);
    if (!before || signal.aborted) return;
    if (!deps.isContextAlive()) return failed(null);
    const wanted = !before[key];
    registry.setState(id, { ...before, [key]: wanted });
    const request: RequestOf<'paper.mark'> = { type: 'paper.mark', id, paper: registry.meta(id) };
    request[key] = wanted;
    deps
      .send(request)
      .then((state) => registry.setState(id, state))
      .catch((error: unknown) => {
        const message = failed(error);
        if (!signal.aborted) registry.setState(id, before, message);
      });
  };

  const askStates = (papers: PaperMeta[]) => {
    for (let start = 0; start < papers.length; start += MAX_PAPERS_PER_MESSAGE) {
      const chunk = papers.slice(start, start + MAX_PAPERS_PER_MESSAGE);
      deps
        .send({ type: 'papers.seen', papers: chunk })
        .then((states) => registry.applyStates(states))
        .catch((error: unknown) => {
          const message = failed(error) || UNREACHABLE;
          if (signal.aborted) return;
          for (const paper of chunk) {
            for (const host of registry.hostsFor(paper.id)) host.title = message;
          }
        });
    }
  };

  /** Places controls on card copies not yet decorated; asks for their states in one go. */
  const decorate = (roots: readonly Element[]) => {
    if (signal.aborted || options.urlChanged?.() || signal.aborted) return;
    if (!deps.isContextAlive()) return void failed(null);
    const scopes = new Set<Element>();
    for (const root of roots) {
      if (root.isConnected) scopes.add(root.closest(CARD_SELECTOR) ?? root);
    }
    const fresh: CardCopy[] = [];
    for (const scope of scopes) {
      for (const copy of findCopies(scope)) {
        const next = copy.heading.nextElementSibling;
        if (next && ownHosts.has(next)) continue;
        if (next && isControlHost(next)) next.remove(); // left by an orphaned earlier script
        fresh.push(copy);
      }
    }
    registry.prune();
    if (fresh.length === 0) return;

    const dark = isDarkPage(doc);
    const unknown = new Map<string, PaperMeta>();
    for (const copy of fresh) {
      const meta = metaFor(copy);
      const host = createControlHost(doc, copy.id, onToggle);
      ownHosts.add(host);
      setDarkTheme(host, dark);
      copy.heading.after(host);
      registry.add(copy.id, host, meta);
      if (meta && !registry.has(copy.id)) unknown.set(copy.id, meta);
    }
    askStates([...unknown.values()]);
  };

  decorate([doc.body]);
  // The whole document: a site that swaps <body> must not leave us watching a detached node.
  watchAddedElements(doc.documentElement, decorate, signal);
  followPageTheme(doc, () => registry.allHosts(), signal);

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
    applyStates: (states) => registry.applyStates(states),
    recognition: () =>
      assessRecognition(
        doc,
        registry.paperCount(),
        listingIslandProps(doc) ? listingMeta().size : 0,
      ),
    stop,
  };
}
