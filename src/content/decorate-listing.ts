/**
 * Decorates every paper card on a page, now and as the page re-renders.
 *
 *   page DOM ──MutationObserver──▶ dom-watcher (queues nodes, one batch per frame)
 *                                        │
 *                                        ▼
 *   parse-cards + listing-island ──▶ decorate(batch) ──▶ control hosts (shadow DOM)
 *                                        │  one `papers.seen` per batch
 *                                        ▼
 *                                   background ──▶ states ──▶ CardRegistry ──▶ every copy
 *   storage.onChanged (other tabs, popup) ────────────────────▶ CardRegistry
 *
 * Browser APIs come in through `ContentDeps`, so the whole flow runs under unit tests too.
 */

import { MAX_PAPERS_PER_MESSAGE } from '../shared/limits';
import type { PaperState, StateMap } from '../shared/model';
import type { RequestOf, RequestType, Responses } from '../shared/protocol';
import { CARD_SELECTOR } from '../shared/site';
import { CardRegistry } from './card-registry';
import { cleanMeta } from './clean-meta';
import { createControlHost, isControlHost, type MarkKey, setDarkTheme } from './controls';
import { watchAddedElements } from './dom-watcher';
import { listingIslandProps, parseListingProps } from './listing-island';
import { type CardCopy, findCardCopies } from './parse-cards';
import { followPageTheme, isDarkPage } from './theme';

export interface ContentDeps {
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;
  /** Calls `listener` with the states of papers another context changed. */
  subscribeToChanges: (listener: (states: StateMap) => void, signal: AbortSignal) => void;
  /** False once the extension was reloaded or updated under this (orphaned) script. */
  isContextAlive: () => boolean;
}

export interface DecoratedPage {
  registry: CardRegistry;
  stop: () => void;
}

const UNREACHABLE = 'Paper Queue is unavailable';

export function decorateListing(doc: Document, deps: ContentDeps): DecoratedPage {
  const controller = new AbortController();
  const { signal } = controller;
  const registry = new CardRegistry();
  const ownHosts = new WeakSet<Element>();
  let islandCache: { text: string | null; byId: ReturnType<typeof parseListingProps> } = {
    text: null,
    byId: new Map(),
  };

  const stop = () => {
    controller.abort();
    registry.clear();
  };

  /** Re-reads the island only when its props changed (the site replaces them in place). */
  const islandMeta = () => {
    const text = listingIslandProps(doc);
    if (text !== islandCache.text) islandCache = { text, byId: parseListingProps(text) };
    return islandCache.byId;
  };

  const failed = (error: unknown): string => {
    if (!deps.isContextAlive()) {
      stop();
      return '';
    }
    return error instanceof Error ? error.message : UNREACHABLE;
  };

  const onToggle = (id: string, key: MarkKey) => {
    const before = registry.state(id);
    if (!before || signal.aborted) return;
    const wanted = !before[key];
    const optimistic: PaperState = { ...before, [key]: wanted };
    registry.setState(id, optimistic);
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

  /** Places controls on card copies not yet decorated; asks for their states in one go. */
  const decorate = (roots: readonly Element[]) => {
    if (signal.aborted) return;
    if (!deps.isContextAlive()) return stop();
    const scopes = new Set<Element>();
    for (const root of roots) {
      if (root.isConnected) scopes.add(root.closest(CARD_SELECTOR) ?? root);
    }
    const fresh: CardCopy[] = [];
    for (const scope of scopes) {
      for (const copy of findCardCopies(scope)) {
        const next = copy.heading.nextElementSibling;
        if (next && ownHosts.has(next)) continue;
        if (next && isControlHost(next)) next.remove(); // left by an orphaned earlier script
        fresh.push(copy);
      }
    }
    registry.prune();
    if (fresh.length === 0) return;

    const byId = islandMeta();
    const dark = isDarkPage(doc);
    const unknown = new Map<string, NonNullable<ReturnType<typeof cleanMeta>>>();
    for (const copy of fresh) {
      const meta = cleanMeta(byId.get(copy.id) ?? { id: copy.id, title: copy.title || copy.id });
      const host = createControlHost(doc, copy.id, onToggle);
      ownHosts.add(host);
      setDarkTheme(host, dark);
      copy.heading.after(host);
      registry.add(copy.id, host, meta);
      if (meta && !registry.has(copy.id)) unknown.set(copy.id, meta);
    }
    const papers = [...unknown.values()];
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

  decorate([doc.body]);
  watchAddedElements(doc.body, decorate, signal);
  followPageTheme(doc, () => registry.allHosts(), signal);
  deps.subscribeToChanges((states) => {
    if (!deps.isContextAlive()) return stop();
    registry.applyStates(states);
  }, signal);

  return { registry, stop };
}
