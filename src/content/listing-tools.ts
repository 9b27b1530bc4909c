/**
 * Everything a listing view adds beyond the per-card controls: read papers hidden or dimmed,
 * muted papers hidden and highlighted ones outlined (rules), new and seen papers marked, the
 * bar that switches and counts all that and marks all read, the undo toast, keyboard triage
 * and auto-seen. Created by the page session for listing views only; released with it.
 *
 * From document_start it only sets attributes on the site's own elements: which cards are
 * read or muted (hidden or dimmed by page.css before they are ever painted), highlighted,
 * new or seen, which still wait for the mark index (unseen until it is read), and the room
 * the bar will take. The bar is inserted once the site's scripts have run (`hydrate`); the
 * toast and the keys overlay after that, when first shown.
 */
import type { PaperState } from '../shared/model';
import { describeVerdict, type Verdict } from '../shared/rules';
import type { HideMode, Settings } from '../shared/settings';
import type { PageAdapter } from '../site';
import { type InViewWatcher, watchInView } from './auto-seen';
import { HOST_ATTRIBUTE } from './controls';
import { trackLive } from './diagnostics';
import { watchKeys } from './keyboard';
import { createKeysHelp } from './keys-help';
import { createListingBar } from './listing-bar';
import {
  BAR_SLOT_ATTRIBUTE,
  FOCUS_ATTRIBUTE,
  HIGHLIGHT_ATTRIBUTE,
  isCardShown,
  JUST_NOW,
  MUTED_ATTRIBUTE,
  markCard,
  markCardPending,
  markCardRead,
  NEW_ATTRIBUTE,
  PENDING_ATTRIBUTE,
  READ_ATTRIBUTE,
  RULE_ATTRIBUTE,
  SEEN_ATTRIBUTE,
  showMode,
  showMuted,
} from './read-filter';
import { UI_ATTRIBUTE } from './shadow-host';
import { createUndoToast } from './undo-toast';

export interface ListingActions {
  toggle: (id: string, key: keyof PaperState) => void;
  markAllRead: (ids: string[]) => void;
  undo: () => void;
  saveHideMode: (mode: HideMode) => void;
  /** A card stayed in view long enough to count as seen (auto-seen on). */
  viewed: (id: string) => void;
}

/** The view's papers as the tools need them: which are on the page, where, what each shows. */
export interface CardsView {
  ids: () => string[];
  shown: (id: string) => PaperState;
  /** The cards (what the filter hides) of a paper still in the page. */
  cardsFor: (id: string) => Element[];
  /** Whether the mark index has been read (until then cards wait, unseen). */
  isReady: () => boolean;
  /** What a rule says about a paper (null: nothing, or no rules). Saved papers are never muted. */
  verdict: (id: string) => Verdict | null;
  /** New since the last visit (not seen in an earlier one, and neither saved nor read). */
  isNew: (id: string) => boolean;
  /** Seen before this page view: what Hide seen hides. */
  seenBefore: (id: string) => boolean;
}

export interface ListingTools {
  /** The user changed this paper with its card's own button or key: keep its card in view. */
  touchedHere: (id: string) => void;
  /** A card of paper `id` appeared (before or after hydration). */
  onCardAdded: (id: string, card: Element) => void;
  /** After a batch added cards: the bar's room (and the bar) where the list now starts. */
  onCardsAdded: (cards: readonly Element[]) => void;
  /** A card element appeared while the page is parsed, its paper maybe not known yet. */
  onCardSeen: (card: Element) => void;
  onStateChanged: (id: string) => void;
  /** The mark index was read: every waiting card shows its state. */
  onReady: () => void;
  /** The site's scripts have run: the bar goes in (the toast and keys overlay when first shown). */
  hydrate: () => void;
  applySettings: (settings: Settings) => void;
  toast: (message: string, undoable?: boolean) => void;
  /** Puts the bar back if the site re-rendered the list without it. */
  ensurePlaced: () => void;
}

/** The attributes rules and visits set on cards (read-filter.ts). */
const CARD_MARKS = [
  MUTED_ATTRIBUTE,
  HIGHLIGHT_ATTRIBUTE,
  RULE_ATTRIBUTE,
  NEW_ATTRIBUTE,
  SEEN_ATTRIBUTE,
] as const;

export function startListingTools(
  doc: Document,
  page: Pick<PageAdapter, 'cardOf' | 'titleLink' | 'barAnchor'>,
  registry: CardsView,
  actions: ListingActions,
  signal: AbortSignal,
): ListingTools {
  trackLive(signal);
  let settings: Settings | null = null;
  let revealed = false;
  let mutedShown = false;
  let focused: Element | null = null;
  /** The paper each card shows (for the keys and auto-seen, which start from a card). */
  const cardIds = new WeakMap<Element, string>();
  /** Papers changed from their own card in this view (see JUST_NOW in read-filter.ts). */
  const touched = new Set<string>();

  signal.addEventListener('abort', () => {
    showMode(doc, null);
    showMuted(doc, false);
    focused?.removeAttribute(FOCUS_ATTRIBUTE);
    for (const card of doc.querySelectorAll(`[${READ_ATTRIBUTE}]`)) markCardRead(card, false);
    for (const card of doc.querySelectorAll(`[${PENDING_ATTRIBUTE}]`)) markCardPending(card, false);
    for (const name of CARD_MARKS) {
      for (const card of doc.querySelectorAll(`[${name}]`)) markCard(card, name, null);
    }
    reservedAnchor?.removeAttribute(BAR_SLOT_ATTRIBUTE);
  });

  /** The mode as set, with Hide seen read as Hide read while auto-seen is off. */
  const chosenMode = (): HideMode | null => {
    if (!settings) return null;
    return settings.hideMode === 'hide-seen' && !settings.autoSeen ? 'hide' : settings.hideMode;
  };
  const hiding = (mode: HideMode | null) => mode === 'hide' || mode === 'hide-seen';
  const effectiveMode = (): HideMode | null => {
    const mode = chosenMode();
    return revealed && hiding(mode) ? 'show' : mode;
  };

  // The parts inserted into the page: made once the site's scripts have run.
  let ui: {
    bar: ReturnType<typeof createListingBar>;
    readonly toast: ReturnType<typeof createUndoToast>;
    readonly help: ReturnType<typeof createKeysHelp>;
  } | null = null;
  let reservedAnchor: Element | null = null;
  const makeUi = () => {
    const bar = createListingBar(doc, {
      setMode: (mode) => {
        revealed = false;
        if (settings) settings = { ...settings, hideMode: mode };
        refresh();
        actions.saveHideMode(mode);
      },
      reveal: () => {
        revealed = true;
        refresh();
      },
      revealMuted: (shown) => {
        mutedShown = shown;
        showMuted(doc, shown);
        refresh();
      },
      markAllRead: () => actions.markAllRead(registry.ids()),
      showKeys: () => ui?.help.toggle(),
    });
    signal.addEventListener('abort', () => bar.host.remove());
    // The toast and the keys overlay go in when first shown: most loads show neither, and
    // each is a shadow root with its own stylesheet to parse and style on every load.
    let toast: ReturnType<typeof createUndoToast> | undefined;
    let help: ReturnType<typeof createKeysHelp> | undefined;
    return {
      bar,
      get toast() {
        toast ??= createUndoToast(doc, actions.undo, signal);
        if (signal.aborted) toast.host.remove(); // asked after the end: never left behind
        return toast;
      },
      get help() {
        help ??= createKeysHelp(doc, signal);
        if (signal.aborted) help.host.remove();
        return help;
      },
    };
  };

  const cardsOf = (id: string) => registry.cardsFor(id);

  /** Whether a rule mutes this paper now (never a saved one). */
  const isMuted = (id: string, state: PaperState) =>
    !state.saved && registry.verdict(id)?.effect === 'muted';

  /** Cards known to show a paper (the others a page may hold are not ours). */
  const known = new WeakSet<Element>();
  /**
   * A card's look: read (hidden or dimmed by the mode), muted, highlighted, new, seen, or
   * waiting for the index. A card changed from its own button here stays in view.
   */
  const showCard = (id: string, card: Element) => {
    known.add(card);
    cardIds.set(card, id);
    if (!registry.isReady()) return markCardPending(card, true);
    markCardPending(card, false);
    const state = registry.shown(id);
    const here = touched.has(id);
    markCardRead(card, state.read, here);
    const verdict = registry.verdict(id);
    const muted = isMuted(id, state);
    markCard(card, MUTED_ATTRIBUTE, muted ? (here ? JUST_NOW : '') : null);
    markCard(card, HIGHLIGHT_ATTRIBUTE, verdict?.effect === 'highlighted' ? '' : null);
    markCard(
      card,
      RULE_ATTRIBUTE,
      verdict && (muted || verdict.effect === 'highlighted') ? describeVerdict(verdict) : null,
    );
    markCard(card, NEW_ATTRIBUTE, registry.isNew(id) ? '' : null);
    // Saved papers stay in view: the user chose them.
    markCard(card, SEEN_ATTRIBUTE, registry.seenBefore(id) && !here && !state.saved ? '' : null);
    if (watcher && !state.read && !viewedHere.has(id) && !registry.seenBefore(id)) {
      watcher.observe(card);
    }
  };

  /** Auto-seen's watcher, while the setting is on (from the hydration on). */
  let watcher: InViewWatcher | null = null;
  /** Papers auto-seen during this view (told once). */
  const viewedHere = new Set<string>();
  let watcherStop: AbortController | null = null;
  const watchSeen = () => {
    const wanted = Boolean(ui && settings?.autoSeen);
    const seconds = settings?.seenAfterSeconds ?? 0;
    if (wanted && watcher && watcherSeconds === seconds) return;
    watcherStop?.abort();
    watcher = null;
    watcherStop = null;
    if (!wanted || signal.aborted) return;
    watcherStop = new AbortController();
    signal.addEventListener('abort', () => watcherStop?.abort());
    watcherSeconds = seconds;
    watcher = watchInView(
      doc,
      seconds,
      (card) => {
        const id = cardIds.get(card);
        if (!id || viewedHere.has(id)) return;
        viewedHere.add(id);
        actions.viewed(id);
      },
      watcherStop.signal,
    );
    for (const id of registry.ids()) for (const card of cardsOf(id)) showCard(id, card);
  };
  let watcherSeconds = 0;

  /**
   * Called for every card and every change, so it only notes the work: the mode attribute is
   * written when it changes, and the bar's counts once per frame ("mark all" changes hundreds).
   */
  let barFrame = 0;
  let shownMode: HideMode | null | undefined;
  const refresh = () => {
    const mode = effectiveMode();
    if (mode !== shownMode) {
      shownMode = mode;
      showMode(doc, mode);
    }
    if (!barFrame) barFrame = requestAnimationFrame(renderBar);
  };
  const renderBar = () => {
    barFrame = 0;
    if (signal.aborted || !settings || !ui) return;
    const { bar } = ui;
    const ids = registry.ids();
    const seenHiding = chosenMode() === 'hide-seen';
    let read = 0;
    let hidden = 0;
    let muted = 0;
    let seen = 0;
    // Each paper is counted once: a muted one as muted (it is hidden in every mode).
    for (const id of ids) {
      const state = registry.shown(id);
      const here = touched.has(id);
      if (isMuted(id, state) && !here) muted++;
      else if (state.read) {
        read++;
        if (!here) hidden++;
      } else if (seenHiding && !here && !state.saved && registry.seenBefore(id)) seen++;
    }
    bar.render({
      mode: settings.hideMode,
      revealed,
      total: ids.length - muted,
      read,
      hidden,
      muted,
      mutedShown,
      seen,
      autoSeen: settings.autoSeen,
    });
  };
  signal.addEventListener('abort', () => cancelAnimationFrame(barFrame));

  /**
   * The first card element seen while the page is parsed: the parser can yield (and the page
   * paint) after a card's start and before its title, which makes it a paper's card.
   */
  let firstSeen: Element | null = null;
  const firstCard = () => {
    for (const id of registry.ids()) {
      const [card] = registry.cardsFor(id);
      if (card) return card;
    }
    return firstSeen?.isConnected ? firstSeen : null;
  };
  const firstAnchor = () => {
    const card = firstCard();
    if (!card) return null;
    // An adapter that names the list's first element finds the bar once it is in: the
    // list starts after our own parts.
    let anchor = page.barAnchor(card);
    while (anchor?.hasAttribute(UI_ATTRIBUTE)) anchor = anchor.nextElementSibling;
    return anchor;
  };
  /**
   * The bar's room at the top of the list, kept from the first paint for as long as the bar is
   * there (page.css): the bar, inserted just before the list with no height of its own, shows
   * in it, so nothing on the page moves.
   */
  const reserveBar = (added?: readonly Element[]) => {
    // The list the room is kept on holds what this batch added: its start has not moved
    // (finding it again costs a walk of the page, once per batch while it is parsed).
    if (added && reservedAnchor?.isConnected) {
      const list = reservedAnchor;
      if (added.every((card) => list.contains(card))) return;
    }
    const anchor = firstAnchor();
    if (anchor === reservedAnchor && anchor?.isConnected) return;
    reservedAnchor?.removeAttribute(BAR_SLOT_ATTRIBUTE);
    reservedAnchor = anchor;
    reservedAnchor?.setAttribute(BAR_SLOT_ATTRIBUTE, '');
  };
  const ensurePlaced = (added?: readonly Element[]) => {
    if (!ui) return;
    reserveBar(added);
    if (!reservedAnchor || ui.bar.host.nextElementSibling === reservedAnchor) return;
    reservedAnchor.before(ui.bar.host);
    renderBar();
  };

  // Keyboard triage: a visible focus that moves between the cards the filter leaves shown.
  const shownCards = () =>
    [...new Set(registry.ids().flatMap((id) => [...cardsOf(id)]))].filter(isCardShown);
  const focus = (card: Element | undefined) => {
    if (!card) return;
    focused?.removeAttribute(FOCUS_ATTRIBUTE);
    focused = card;
    card.setAttribute(FOCUS_ATTRIBUTE, '');
    card.scrollIntoView({ block: 'nearest' });
    page.titleLink(card)?.focus({ preventScroll: true });
  };
  const move = (step: number) => {
    const cards = shownCards();
    const at = focused ? cards.indexOf(focused) : -1;
    focus(cards[Math.min(Math.max(at + step, 0), cards.length - 1)] ?? cards[0]);
  };
  const focusedId = () =>
    focused?.querySelector(`[${HOST_ATTRIBUTE}]`)?.getAttribute(HOST_ATTRIBUTE) ?? null;
  /** `n`: the next new card below the focused one (from the top again after the last). */
  const nextNew = () => {
    const cards = shownCards();
    const at = focused ? cards.indexOf(focused) : -1;
    const isNewCard = (card: Element) => card.hasAttribute(NEW_ATTRIBUTE);
    const next = cards.slice(at + 1).find(isNewCard) ?? cards.slice(0, at + 1).find(isNewCard);
    if (next && next !== focused) focus(next);
    else
      ui?.toast.show(next ? 'No other new paper on this page' : 'No new paper on this page', false);
  };
  const onFocused = (key: keyof PaperState) => {
    const id = focusedId();
    if (!id) return move(1);
    const cards = shownCards();
    const at = focused ? cards.indexOf(focused) : -1;
    actions.toggle(id, key);
    // A card the filter now hides passes the focus on to the next one.
    requestAnimationFrame(() => {
      if (focused && !isCardShown(focused)) {
        const rest = shownCards();
        focus(rest[Math.min(at, rest.length - 1)]);
      }
    });
  };
  watchKeys(
    doc,
    {
      next: () => move(1),
      previous: () => move(-1),
      save: () => onFocused('saved'),
      read: () => onFocused('read'),
      open: () => (focused ? page.titleLink(focused)?.click() : undefined),
      nextNew,
      undo: actions.undo,
      help: () => ui?.help.toggle(),
    },
    () => settings?.keyboard ?? false,
    signal,
  );

  return {
    onCardAdded: (id, card) => {
      showCard(id, card);
      refresh();
    },
    // Once per batch, not per card: finding the first card walks the papers.
    onCardsAdded: (cards) => (ui ? ensurePlaced(cards) : reserveBar(cards)),
    onStateChanged: (id) => {
      for (const card of cardsOf(id)) showCard(id, card);
      refresh();
    },
    onReady: () => {
      for (const id of registry.ids()) for (const card of cardsOf(id)) showCard(id, card);
      refresh();
    },
    onCardSeen: (card) => {
      if (!known.has(card)) markCardPending(card, true);
      // The bar's room from the first card's start on: kept only once its title was parsed,
      // a paint between moved the list by the room (and by the card's margin it stops).
      if (firstSeen?.isConnected) return;
      firstSeen = card;
      if (!reservedAnchor?.isConnected) reserveBar();
    },
    hydrate: () => {
      if (ui || signal.aborted) return;
      // Parsing is over: a card that never showed a paper is not one of ours to hold.
      for (const card of doc.querySelectorAll(`[${PENDING_ATTRIBUTE}]`)) {
        if (!known.has(card)) markCardPending(card, false);
      }
      ui = makeUi();
      ensurePlaced();
      watchSeen();
    },
    touchedHere: (id) => void touched.add(id),
    applySettings: (next) => {
      settings = next;
      watchSeen();
      refresh();
    },
    toast: (message, undoable) => ui?.toast.show(message, undoable),
    ensurePlaced,
  };
}
