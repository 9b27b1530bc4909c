/**
 * Everything a listing view adds beyond the per-card controls: read papers hidden or dimmed,
 * the bar that switches that and marks all read, the undo toast, and keyboard triage.
 * Created by the page session for listing views only; released with it.
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
  FOCUS_ATTRIBUTE,
  isCardShown,
  markCardRead,
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

/** The view's papers as the tools need them: which have controls, what each shows. */
export interface CardsView {
  ids: () => string[];
  shown: (id: string) => PaperState;
  hostsFor: (id: string) => HTMLElement[];
}

export interface ListingTools {
  /** The user changed this paper with its card's own button or key: keep its card in view. */
  touchedHere: (id: string) => void;
  onHostAdded: (id: string, host: HTMLElement) => void;
  onStateChanged: (id: string) => void;
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
  });

  const effectiveMode = (): HideMode | null =>
    settings ? (revealed && settings.hideMode === 'hide' ? 'show' : settings.hideMode) : null;

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
    showKeys: () => help.toggle(),
  });
  signal.addEventListener('abort', () => bar.host.remove());
  const toast = createUndoToast(doc, actions.undo, signal);
  const help = createKeysHelp(doc, signal);

  const cardsOf = (id: string) => {
    const cards = new Set<Element>();
    for (const host of registry.hostsFor(id)) {
      const card = page.cardOf(host);
      if (card) cards.add(card);
    }
    return cards;
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
    if (signal.aborted || !settings) return;
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

  const ensurePlaced = () => {
    if (bar.host.isConnected) return;
    const firstHost = registry.ids().flatMap((id) => registry.hostsFor(id))[0];
    const firstCard = firstHost ? page.cardOf(firstHost) : null;
    const anchor = firstCard ? page.barAnchor(firstCard) : null;
    if (!anchor) return;
    anchor.before(bar.host);
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
      help: () => help.toggle(),
    },
    () => settings?.keyboard ?? false,
    signal,
  );

  return {
    onHostAdded: (id, host) => {
      if (registry.shown(id).read) {
        const card = page.cardOf(host);
        if (card) markCardRead(card, true, touched.has(id));
      }
      if (!bar.host.isConnected) ensurePlaced();
      refresh();
    },
    onStateChanged: (id) => {
      const read = registry.shown(id).read;
      for (const card of cardsOf(id)) markCardRead(card, read, touched.has(id));
      refresh();
    },
    touchedHere: (id) => void touched.add(id),
    applySettings: (next) => {
      settings = next;
      refresh();
    },
    toast: (message, undoable) => toast.show(message, undoable),
    ensurePlaced,
  };
}
