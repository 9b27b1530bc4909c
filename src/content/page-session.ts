/**
 * Decorates one page view (one URL), from document_start, as the parser and later the site
 * add cards. A new view (in-page navigation) gets a new session; `stop()` releases
 * everything this one made.
 *
 *   page DOM ──MutationObserver──▶ dom-watcher (one batch per task that changed it, before paint)
 *                                        │
 *                                        ▼
 *   site adapter (src/site/): cards ──▶ decorate(batch)
 *        before hydration: attributes only — read / waiting cards, room for the controls
 *        after:            control hosts in that room, the bar, toast and keys
 *                                        │
 *   MarkStore (index + outbox + replies, by version) ──▶ render(ids) ──▶ every copy, the filter
 *   settings.rules ──compiled once──▶ verdicts (muted / highlighted) ──▶ the same render
 *   seen record (read at document_start) ──▶ New / seen ──▶ the same render
 *   idle: metadata (the island) ──▶ one `papers.seen` per batch, off the path to first paint
 *         (with rules, metadata is read in the batch instead: a card is muted before paint)
 *
 * Why attributes first: Hugging Face renders its cards on the server and then hydrates them
 * with its own scripts (before DOMContentLoaded). Nodes inserted into that markup before
 * hydration could be thrown away or break it; attributes on its own elements survive, and
 * page.css (in the page before it renders) does the rest. If the site re-renders a card
 * later, the new element arrives in a batch like any other and is decorated in that frame.
 */
import { MAX_PAPERS_PER_MESSAGE } from '../shared/limits';
import type { PaperMeta, PaperState, StateMap } from '../shared/model';
import type { Recognition } from '../shared/page-status';
import {
  compileRules,
  describeVerdict,
  type RuleMatcher,
  type Rules,
  rulesKey,
  type Verdict,
} from '../shared/rules';
import { type SeenView, seenView } from '../shared/seen';
import type { Settings } from '../shared/settings';
import type { CardCopy, PageAdapter } from '../site';
import { afterFirstPaint } from './after-first-paint';
import type { ContentDeps } from './content-deps';
import {
  createControlHost,
  type HostMarks,
  isControlHost,
  listenToControls,
  type MarkKey,
  NO_MARKS,
  renderControls,
  SLOT_ATTRIBUTE,
} from './controls';
import { recordBatch, trackLive } from './diagnostics';
import { WHOLE_PAGE, watchAddedElements } from './dom-watcher';
import { HostRegistry } from './host-registry';
import { type ListingTools, startListingTools } from './listing-tools';
import type { MarkStore } from './mark-store';
import { describeToggle, UndoHistory } from './undo-history';

export interface PageOptions {
  /** Called first in every batch; true when the URL changed and this session is over. */
  urlChanged?: () => boolean;
  /** Called when the extension context turns out to be gone. */
  onOrphaned?: () => void;
  /** Whether the site's own scripts have run (DOMContentLoaded). Default: they have. */
  hydrated?: () => boolean;
  /** Runs `work` once the site's scripts have run (at once if they have). */
  onHydrated?: (work: () => void) => void;
}

export interface PageSession {
  /** The user's settings, as soon as they are loaded and whenever they change. */
  applySettings: (settings: Settings) => void;
  /**
   * The seen record as stored (src/shared/seen.ts) when this view started: once, before the
   * mark index is ready (later news of it is for the next view).
   */
  applySeen: (record: unknown) => void;
  recognition: () => Recognition;
  stop: () => void;
}

const UNREACHABLE = 'Paper Queue is unavailable';

/** Past this many added elements in one batch, `decorate` walks the whole page instead. */
const WHOLE_PAGE_ROOTS = 64;

/** Metadata waits for an idle moment after the page is up, but never longer than this. */
const METADATA_DELAY_MS = 1000;

/** A page that never paints content (a background tab) is described this long after all. */
const NO_PAINT_DELAY_MS = 5000;

/** Auto-seen papers are told to the background together, this long after the first. */
const VIEWED_DELAY_MS = 1000;

/** The matcher of the rules last compiled: compiled once per rule change, not per view. */
let compiled: { key: string; matcher: RuleMatcher | null } | null = null;
function matcherFor(rules: Rules): RuleMatcher | null {
  const key = rulesKey(rules);
  if (compiled?.key !== key) compiled = { key, matcher: compileRules(rules) };
  return compiled.matcher;
}

/** Whether metadata came from the page's own description, not only the card's title. */
const isFull = (meta: PaperMeta | undefined) =>
  meta !== undefined &&
  (meta.summary !== undefined || meta.authors !== undefined || meta.upvotes !== undefined);

const sameVerdict = (a: Verdict | null, b: Verdict | null) =>
  a === b ||
  (a !== null && b !== null && a.effect === b.effect && a.rule === b.rule && a.term === b.term);

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
  const hydrated = options.hydrated ?? (() => true);
  const onHydrated = options.onHydrated ?? ((work: () => void) => work());
  const registry = new HostRegistry();
  const metas = new Map<string, PaperMeta>();
  /** One copy of each paper whose metadata has not been sent yet. */
  const undescribed = new Map<string, CardCopy>();
  /** One copy of each paper on the view (a rule may need to read what the page says). */
  const copyOf = new Map<string, CardCopy>();
  let settings: Settings | null = null;
  /** The compiled rules (null: none), and what they say about each paper judged so far. */
  let matcher: RuleMatcher | null = null;
  const verdicts = new Map<string, Verdict | null>();
  /** Papers judged on their card's title alone (the page did not describe them yet). */
  const provisional = new Set<string>();
  let seen: SeenView | null = null;
  /** Papers whose last change failed here, with the reason (shown on their hosts). */
  const errors = new Map<string, string>();
  const history = new UndoHistory();
  // Listing views get the read filter, the bar, undo and keys; a paper page does not.
  let tools: ListingTools | null = null;

  const stop = () => {
    if (signal.aborted) return;
    controller.abort();
    registry.clear();
  };

  const verdictOf = (id: string): Verdict | null => verdicts.get(id) ?? null;
  /** New since the last visit: seen in no earlier visit, and neither saved nor read. */
  const isNew = (id: string) => {
    if (page.kind !== 'listing' || !seen || seen.firstVisit || seen.seenBeforeThisVisit(id)) {
      return false;
    }
    const state = store.shown(id);
    return !state.saved && !state.read;
  };
  const marksOf = (id: string, state: PaperState): HostMarks => {
    const verdict = verdictOf(id);
    // A saved paper is never muted: its reason would say what does not happen.
    const effect = verdict && !(verdict.effect === 'muted' && state.saved) ? verdict.effect : null;
    if (!effect && !isNew(id)) return NO_MARKS;
    return {
      isNew: isNew(id),
      rule: effect && verdict ? describeVerdict(verdict) : '',
      effect,
    };
  };
  const renderHosts = (id: string) => {
    const state = store.shown(id);
    const marks = marksOf(id, state);
    for (const host of registry.hostsFor(id)) renderControls(host, state, errors.get(id), marks);
  };
  const render = (ids: readonly string[]) => {
    for (const id of ids) {
      if (!registry.shows(id)) continue;
      renderHosts(id);
      tools?.onStateChanged(id);
    }
  };
  store.subscribe((ids) => {
    for (const id of ids) errors.delete(id);
    render(ids);
  }, signal);
  store.onReady(() => {
    if (signal.aborted) return;
    for (const id of registry.paperIds()) renderHosts(id);
    tools?.onReady();
  });

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

  /** What the page says about a paper, read now if the idle read has not come yet. */
  const metaOf = (id: string): PaperMeta | undefined => {
    const copy = undescribed.get(id);
    if (!metas.has(id) && copy) {
      for (const [key, meta] of page.describe([copy])) metas.set(key, meta);
    }
    return metas.get(id);
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
    void decide({ [id]: { [key]: wanted } }, metaOf(id));
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

  /**
   * Puts controls after each copy's heading, in the room page.css kept for them (so nothing
   * moves), unless the page dropped the heading or it has them already.
   */
  const place = (copies: readonly CardCopy[]) => {
    for (const copy of copies) {
      const next = copy.heading.nextElementSibling;
      if (!copy.heading.isConnected || (next && registry.holds(next))) continue;
      const host = createControlHost(doc, copy.id);
      copy.heading.after(host);
      copy.heading.removeAttribute(SLOT_ATTRIBUTE);
      registry.add(copy.id, host);
      // A new host shows the default look ("not saved, unread"): only others need painting.
      const state = store.shown(copy.id);
      const marks = marksOf(copy.id, state);
      if (state.saved || state.read || errors.has(copy.id) || marks !== NO_MARKS) {
        renderControls(host, state, errors.get(copy.id), marks);
      }
    }
  };

  /**
   * What the rules say about these papers. Reads what the page says about those not read yet
   * (on a listing the island: parsed once per change of its text, and then reused by the
   * idle `papers.seen`), else judges on the card's title and tries again later.
   */
  const judge = (ids: readonly string[]): string[] => {
    if (!matcher) return [];
    const unread = ids.filter((id) => !isFull(metas.get(id)) && copyOf.has(id));
    if (unread.length > 0) {
      for (const [id, meta] of page.describe(unread.map((id) => copyOf.get(id) as CardCopy))) {
        if (isFull(meta) || !metas.has(id)) metas.set(id, meta);
      }
    }
    const changed: string[] = [];
    for (const id of ids) {
      const meta = metas.get(id);
      const verdict = matcher.judge(meta ?? { title: copyOf.get(id)?.title ?? '' });
      if (isFull(meta)) provisional.delete(id);
      else provisional.add(id);
      const before = verdicts.get(id);
      verdicts.set(id, verdict);
      if (!sameVerdict(before ?? null, verdict)) changed.push(id);
    }
    return changed;
  };

  /** Papers the user saw, told to the background (the seen record) in one message. */
  const viewedSoon = new Set<string>();
  let viewedTimer: ReturnType<typeof setTimeout> | undefined;
  const sendViewed = (ids: Iterable<string>, now = false) => {
    for (const id of ids) viewedSoon.add(id);
    const flush = () => {
      clearTimeout(viewedTimer);
      viewedTimer = undefined;
      if (signal.aborted || viewedSoon.size === 0) return;
      const all = [...viewedSoon];
      viewedSoon.clear();
      for (let start = 0; start < all.length; start += MAX_PAPERS_PER_MESSAGE) {
        const chunk = all.slice(start, start + MAX_PAPERS_PER_MESSAGE);
        deps.send({ type: 'papers.viewed', ids: chunk }).catch(() => {
          // Not fatal: a paper not recorded as seen is new once more on the next visit.
        });
      }
    };
    if (now) flush();
    else viewedTimer ??= setTimeout(flush, VIEWED_DELAY_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(viewedTimer));
  /**
   * Listings without auto-seen count what they list, told at the idle moment after the page
   * is up (with the metadata): this view's papers not told yet.
   */
  const listedUntold = new Set<string>();
  let idleCame = false;
  const tellListed = () => {
    if (!idleCame || !settings || settings.autoSeen || listedUntold.size === 0) return;
    sendViewed(listedUntold, true);
    listedUntold.clear();
  };

  /** One `papers.seen` per batch of papers new to this view (chunked past the limit). */
  const sendSeen = (papers: PaperMeta[]) => {
    for (let start = 0; start < papers.length; start += MAX_PAPERS_PER_MESSAGE) {
      const chunk = papers.slice(start, start + MAX_PAPERS_PER_MESSAGE);
      deps
        .send({ type: 'papers.seen', papers: chunk })
        .then((states: StateMap) => {
          if (!signal.aborted) store.receive(states);
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

  /**
   * What the page says about its papers, off the path to first paint: the island's props are
   * megabytes on a month view. The queue needs it (titles, authors); the cards do not.
   */
  let metadataTimer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  let waitingForPaint = false;
  const describeLater = () => {
    if (waitingForPaint || metadataTimer !== undefined || idleHandle !== undefined) return;
    const run = () => {
      clearTimeout(metadataTimer);
      if (idleHandle !== undefined) cancelIdleCallback?.(idleHandle);
      metadataTimer = undefined;
      idleHandle = undefined;
      if (signal.aborted) return;
      idleCame = true;
      // Judged on their titles only: the page may describe them by now.
      if (provisional.size > 0) render(judge([...provisional]));
      tellListed();
      if (undescribed.size === 0) return;
      const copies = [...undescribed.values()];
      undescribed.clear();
      const unread = copies.filter((copy) => !isFull(metas.get(copy.id)));
      const described = unread.length > 0 ? page.describe(unread) : new Map<string, PaperMeta>();
      for (const [id, meta] of described) metas.set(id, meta);
      for (const copy of copies) {
        const meta = metas.get(copy.id);
        if (meta && !described.has(copy.id)) described.set(copy.id, meta);
      }
      sendSeen([...described.values()]);
    };
    // Not before the page painted: an idle moment before that (a small page parsed fast)
    // would wake the background worker with these messages while the page paints.
    waitingForPaint = true;
    afterFirstPaint(
      doc.defaultView ?? window,
      () => {
        waitingForPaint = false;
        metadataTimer = setTimeout(run, METADATA_DELAY_MS);
        if (typeof requestIdleCallback === 'function') idleHandle = requestIdleCallback(run);
      },
      signal,
      NO_PAINT_DELAY_MS,
    );
  };
  signal.addEventListener('abort', () => {
    clearTimeout(metadataTimer);
    if (idleHandle !== undefined) cancelIdleCallback?.(idleHandle);
  });

  /** Card headings given their controls' room while the page was parsed (before hydration). */
  const slotted = new WeakSet<Element>();
  const isSlotted = (heading: Element) => slotted.has(heading);
  /** Their copies, whose controls go in when the site has hydrated (`placeParsed`). */
  const parsedCopies: CardCopy[] = [];

  /** Decorates the card copies a batch added: attributes before hydration, controls after. */
  const decorate = (roots: readonly Element[] | typeof WHOLE_PAGE, removedSome = true) => {
    if (signal.aborted || options.urlChanged?.() || signal.aborted) return;
    if (!deps.isContextAlive()) return void failed(null);
    const started = performance.now();
    // Many roots (a view rendered at once): one walk of the page beats one per root.
    const scopes: Set<ParentNode> =
      roots === WHOLE_PAGE || roots.length > WHOLE_PAGE_ROOTS
        ? new Set([doc])
        : new Set(roots.filter((r) => r.isConnected).map((r) => page.cardOf(r) ?? r));
    const ready = hydrated();
    const fresh: CardCopy[] = [];
    for (const scope of scopes) {
      // While parsing, each batch walks the page again: a card it already held room for is
      // done until hydration (else every batch would redo every card parsed before it).
      for (const copy of page.findCopies(scope, ready ? undefined : isSlotted)) {
        if (!ready && slotted.has(copy.heading)) continue;
        const next = copy.heading.nextElementSibling;
        if (next && registry.holds(next)) continue;
        if (next && isControlHost(next)) next.remove(); // left by an orphaned earlier script
        fresh.push(copy);
      }
    }
    if (removedSome) registry.prune();
    if (fresh.length === 0 && ready) return;

    // While the page is parsed, a card can be in it before its title: unseen until known.
    let cardsSeen = 0;
    if (!ready && tools) {
      for (const scope of scopes) {
        for (const card of page.findCards(scope)) {
          tools.onCardSeen(card);
          cardsSeen++;
        }
      }
    }
    // A frame of the parse that added no card (most of them) is no batch.
    if (fresh.length === 0 && cardsSeen === 0) return;
    const newIds: string[] = [];
    for (const copy of fresh) {
      if (!copyOf.has(copy.id)) newIds.push(copy.id);
      copyOf.set(copy.id, copy);
    }
    // Before the cards are shown: a muted card is hidden from its first paint.
    if (matcher && newIds.length > 0) judge(newIds);
    for (const copy of fresh) {
      if (!registry.shows(copy.id)) {
        undescribed.set(copy.id, copy);
        if (page.kind === 'listing') listedUntold.add(copy.id);
      }
      if (registry.addCard(copy.id, copy.article)) tools?.onCardAdded(copy.id, copy.article);
      // The controls' room, kept from the first paint on (page.css), taken when they go in.
      if (!ready) {
        copy.heading.setAttribute(SLOT_ATTRIBUTE, '');
        slotted.add(copy.heading);
        parsedCopies.push(copy);
      }
    }
    if (fresh.length > 0) tools?.onCardsAdded(fresh.map((copy) => copy.article));
    if (ready) {
      place(fresh);
      describeLater();
    }
    recordBatch(performance.now() - started);
  };

  /**
   * The hydration batch: the copies found while parsing get their controls, in the room kept
   * for them. They were found, registered and shown then, so no walk of the page is needed;
   * a card the site's scripts replaced or added since is in the watcher's next batch.
   */
  const placeParsed = () => {
    const started = performance.now();
    const copies = parsedCopies
      .splice(0)
      .filter((copy) => copy.article.isConnected && copy.article.contains(copy.heading));
    if (copies.length === 0) return;
    place(copies);
    describeLater();
    recordBatch(performance.now() - started);
  };

  if (page.kind === 'listing') {
    tools = startListingTools(
      doc,
      page,
      {
        ids: () => registry.paperIds(),
        shown: (id) => store.shown(id),
        cardsFor: (id) => registry.cardsFor(id),
        isReady: () => store.isReady(),
        verdict: verdictOf,
        isNew,
        seenBefore: (id) => seen?.seenBefore(id) ?? false,
      },
      {
        toggle: onToggle,
        markAllRead,
        undo,
        saveHideMode: deps.saveHideMode,
        viewed: (id) => sendViewed([id]),
      },
      signal,
    );
  }

  listenToControls(doc, onToggle, signal);
  // The whole document: a site that swaps <body> must not leave us watching a detached node.
  const watcher = watchAddedElements(doc.documentElement, decorate, signal, WHOLE_PAGE_ROOTS);
  watcher.runNow([doc.documentElement]);

  onHydrated(() => {
    if (signal.aborted) return;
    tools?.hydrate();
    watcher.runQuietly(placeParsed);
    if (page.paperId) {
      const id = page.paperId;
      const paper = metaOf(id);
      // Its own page open: seen, whatever the auto-seen setting.
      sendViewed([id], true);
      deps
        .send({ type: 'paper.opened', id, ...(paper ? { paper } : {}) })
        .then((state) => store.receive({ [id]: state }))
        .catch((error: unknown) => void failed(error));
    }
  });

  /** New rules: every paper on the view is judged again, and shown as they say. */
  const applyRules = (rules: Rules) => {
    const next = matcherFor(rules);
    if (next === matcher) return;
    matcher = next;
    const ids = registry.paperIds();
    const before = new Map(verdicts);
    verdicts.clear();
    provisional.clear();
    if (matcher) judge(ids);
    render(ids.filter((id) => !sameVerdict(before.get(id) ?? null, verdictOf(id))));
  };

  return {
    applySettings: (next) => {
      settings = next;
      applyRules(next.rules);
      tools?.applySettings(next);
      tellListed();
    },
    applySeen: (record) => {
      seen = seenView(record, Date.now());
      render(registry.paperIds());
    },
    recognition: () =>
      page.recognition(
        registry.paperIds().length,
        new Set(registry.paperIds().flatMap((id) => registry.cardsFor(id))),
      ),
    stop,
  };
}
