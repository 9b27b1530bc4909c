/**
 * Everything a listing view adds beyond the per-card controls: read papers hidden or dimmed,
 * the bar that switches that and marks all read, the undo toast, and keyboard triage.
 * Created by the page session for listing views only; released with it.
 *
 * From document_start it only sets attributes on the site's own elements: which cards are
 * read (hidden or dimmed by page.css before they are ever painted), which still wait for the
 * mark index (unseen until it is read), and the room the bar will take. The bar, the toast
 * and the keys overlay are inserted once the site's scripts have run (`hydrate`).
 */
import type { PaperState } from '../shared/model';
import type { HideMode, Settings } from '../shared/settings';
import type { PageAdapter } from '../site';
import { HOST_ATTRIBUTE } from './controls';
import { trackLive } from './diagnostics';
import { watchKeys } from './keyboard';
import { createKeysHelp } from './keys-help';
import { createListingBar } from './listing-bar';
import {
  BAR_SLOT_ATTRIBUTE,
  FOCUS_ATTRIBUTE,
  isCardShown,
  markCardPending,
  markCardRead,
  PENDING_ATTRIBUTE,
  READ_ATTRIBUTE,
  showMode,
} from './read-filter';
import { createUndoToast } from './undo-toast';

export interface ListingActions {
  toggle: (id: string, key: keyof PaperState) => void;
  markAllRead: (ids: string[]) => void;
  undo: () => void;
  saveHideMode: (mode: HideMode) => void;
}

/** The view's papers as the tools need them: which are on the page, where, what each shows. */
export interface CardsView {
  ids: () => string[];
  shown: (id: string) => PaperState;
  /** The cards (what the filter hides) of a paper still in the page. */
  cardsFor: (id: string) => Element[];
  /** Whether the mark index has been read (until then cards wait, unseen). */
  isReady: () => boolean;
}

export interface ListingTools {
  /** The user changed this paper with its card's own button or key: keep its card in view. */
  touchedHere: (id: string) => void;
  /** A card of paper `id` appeared (before or after hydration). */
  onCardAdded: (id: string, card: Element) => void;
  /** A card element appeared while the page is parsed, its paper maybe not known yet. */
  onCardSeen: (card: Element) => void;
  onStateChanged: (id: string) => void;
  /** The mark index was read: every waiting card shows its state. */
  onReady: () => void;
  /** The site's scripts have run: the bar, toast and keys overlay go in. */
  hydrate: () => void;
  applySettings: (settings: Settings) => void;
  toast: (message: string, undoable?: boolean) => void;
  /** Puts the bar back if the site re-rendered the list without it. */
  ensurePlaced: () => void;
}

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
  let focused: Element | null = null;
  /** Papers changed from their own card in this view (see JUST_NOW in read-filter.ts). */
  const touched = new Set<string>();

  signal.addEventListener('abort', () => {
    showMode(doc, null);
    focused?.removeAttribute(FOCUS_ATTRIBUTE);
    for (const card of doc.querySelectorAll(`[${READ_ATTRIBUTE}]`)) markCardRead(card, false);
    for (const card of doc.querySelectorAll(`[${PENDING_ATTRIBUTE}]`)) markCardPending(card, false);
    reservedAnchor?.removeAttribute(BAR_SLOT_ATTRIBUTE);
  });

  const effectiveMode = (): HideMode | null =>
    settings ? (revealed && settings.hideMode === 'hide' ? 'show' : settings.hideMode) : null;

  // The parts inserted into the page: made once the site's scripts have run.
  let ui: {
    bar: ReturnType<typeof createListingBar>;
    toast: ReturnType<typeof createUndoToast>;
    help: ReturnType<typeof createKeysHelp>;
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
      markAllRead: () => actions.markAllRead(registry.ids()),
      showKeys: () => ui?.help.toggle(),
    });
    signal.addEventListener('abort', () => bar.host.remove());
    return {
      bar,
      toast: createUndoToast(doc, actions.undo, signal),
      help: createKeysHelp(doc, signal),
    };
  };

  const cardsOf = (id: string) => registry.cardsFor(id);

  /** A card's look: read (hidden or dimmed by the mode) or waiting for the index. */
  /** Cards known to show a paper (the others a page may hold are not ours). */
  const known = new WeakSet<Element>();
  const showCard = (id: string, card: Element) => {
    known.add(card);
    if (!registry.isReady()) return markCardPending(card, true);
    markCardPending(card, false);
    markCardRead(card, registry.shown(id).read, touched.has(id));
  };

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
    const readIds = ids.filter((id) => registry.shown(id).read);
    const hidden = readIds.filter((id) => !touched.has(id)).length;
    bar.render({
      mode: settings.hideMode,
      revealed,
      total: ids.length,
      read: readIds.length,
      hidden,
    });
  };
  signal.addEventListener('abort', () => cancelAnimationFrame(barFrame));

  const firstAnchor = () => {
    const firstCard = registry.ids().flatMap((id) => registry.cardsFor(id))[0];
    return firstCard ? page.barAnchor(firstCard) : null;
  };
  /**
   * The bar's room at the top of the list, kept from the first paint for as long as the bar is
   * there (page.css): the bar, inserted just before the list with no height of its own, shows
   * in it, so nothing on the page moves.
   */
  const reserveBar = () => {
    const anchor = firstAnchor();
    if (anchor === reservedAnchor && anchor?.isConnected) return;
    reservedAnchor?.removeAttribute(BAR_SLOT_ATTRIBUTE);
    reservedAnchor = anchor;
    reservedAnchor?.setAttribute(BAR_SLOT_ATTRIBUTE, '');
  };
  const ensurePlaced = () => {
    if (!ui) return;
    reserveBar();
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
      undo: actions.undo,
      help: () => ui?.help.toggle(),
    },
    () => settings?.keyboard ?? false,
    signal,
  );

  return {
    onCardAdded: (id, card) => {
      showCard(id, card);
      if (ui) ensurePlaced();
      else reserveBar();
      refresh();
    },
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
    },
    hydrate: () => {
      if (ui || signal.aborted) return;
      // Parsing is over: a card that never showed a paper is not one of ours to hold.
      for (const card of doc.querySelectorAll(`[${PENDING_ATTRIBUTE}]`)) {
        if (!known.has(card)) markCardPending(card, false);
      }
      ui = makeUi();
      ensurePlaced();
    },
    touchedHere: (id) => void touched.add(id),
    applySettings: (next) => {
      settings = next;
      refresh();
    },
    toast: (message, undoable) => ui?.toast.show(message, undoable),
    ensurePlaced,
  };
}
