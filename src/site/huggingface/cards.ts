/**
 * Finds paper cards in listing markup. Pure: takes a DOM subtree, returns what it found,
 * touches nothing. Works on the 2024 and 2026 layouts (selectors.ts).
 */
import { cleanText } from '../../shared/text';
import type { CardCopy } from '../page-adapter';
import { CARD_HEADING_TAG, CARD_SELECTOR, CARD_TAG, PAPER_PATH_PREFIX } from './selectors';
import { isPaperHref, paperIdFromHref } from './urls';

export type { CardCopy };

/** True for a card's title link: an `a` to a paper right inside the card heading. */
export function isCardTitleLink(el: Element): boolean {
  return (
    el.tagName === 'A' &&
    el.parentElement?.tagName === CARD_HEADING_TAG &&
    (el.getAttribute('href') ?? '').startsWith(PAPER_PATH_PREFIX)
  );
}

/** The elements a page gained since the last call (a walk's). */
export type TailWalk = () => Element[];

/** The first element after `node`'s subtree in document order, if any. */
function after(node: Element): Element | null {
  for (let at: Element | null = node; at; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/**
 * While the page is parsed it grows at its end: each call gives the cards after the one
 * the last call ended on, stepping over every card's own subtree (a card holds some forty
 * elements; a walk of the whole document each time would be quadratic on a month view, and
 * one of every element after the last card still cost most of the script's time). With
 * `again`, that last card comes again: the parser may have been inside it. If it left the
 * page, everything again.
 */
export function walkCards(doc: Document, again = false): TailWalk {
  let last: Element | null = null;
  return () => {
    if (!last?.isConnected) {
      const all = [...allCards(doc)];
      last = all.at(-1) ?? null;
      return all;
    }
    const found: Element[] = again ? [last] : [];
    let node = after(last);
    while (node) {
      if (node.tagName === CARD_TAG) {
        found.push(node);
        node = after(node);
      } else {
        node = node.firstElementChild ?? after(node);
      }
    }
    last = found.at(-1) ?? last;
    return found;
  };
}

/** The headings in the cards a card walk gives (a card title's heading is in its card). */
export function headingsOf(cards: TailWalk): TailWalk {
  return () =>
    cards().flatMap((card) => [...card.getElementsByTagName(CARD_HEADING_TAG.toLowerCase())]);
}

/**
 * Every card copy at or below `root`, in document order (but those under a `skip` heading;
 * with `tail`, only under the headings it gives).
 */
export function findCardCopies(
  root: ParentNode,
  skip?: (heading: Element) => boolean,
  tail?: TailWalk,
): CardCopy[] {
  const links: Element[] = [];
  if (root instanceof Element && isCardTitleLink(root)) links.push(root);
  const all = tail
    ? []
    : root instanceof Element && root.tagName === CARD_HEADING_TAG
      ? [root]
      : (root as Element | Document).getElementsByTagName(CARD_HEADING_TAG.toLowerCase());
  const headings = tail ? tail() : all;
  for (const heading of headings) {
    if (skip?.(heading)) continue;
    // Sibling steps, not `children`: no collection object per heading (2,000 on a month view).
    for (let child = heading.firstElementChild; child; child = child.nextElementSibling) {
      if (isCardTitleLink(child)) links.push(child);
    }
  }
  const copies: CardCopy[] = [];
  for (const link of links) {
    const id = paperIdFromHref(link.getAttribute('href') ?? '');
    const heading = link.parentElement;
    const article = link.closest(CARD_SELECTOR);
    if (!id || !heading || !article) continue;
    copies.push({
      id,
      heading,
      article,
      // Read on demand: only a card the island does not describe needs it.
      get title() {
        return cleanText(link.textContent);
      },
    });
  }
  return copies;
}

/** The distinct paper ids among card copies, in first-seen order. */
export function distinctIds(copies: readonly CardCopy[]): string[] {
  return [...new Set(copies.map((copy) => copy.id))];
}

/** The card (article) an element of ours sits in, if any. */
export function cardOf(el: Element): Element | null {
  return el.closest(CARD_SELECTOR);
}

/** Every card element at or below `root` (tag walk: a month view holds 2,000). */
export function allCards(root: Element | Document): HTMLCollectionOf<Element> {
  return root.getElementsByTagName(CARD_TAG.toLowerCase());
}

/** The card elements at or below `root`, `root` itself included. */
export function cardsIn(root: ParentNode): Element[] {
  const cards = [...allCards(root as Element | Document)];
  if (root instanceof Element && root.tagName === CARD_TAG) cards.unshift(root);
  return cards;
}

/** The 2024 listing's own wrapper of one card: a bare `<div>` with the article alone in it. */
const isCardWrapper = (element: Element) =>
  element.localName === 'div' && element.attributes.length === 0 && element.childElementCount === 1;

/**
 * The list a card is in: its closest ancestor that holds every card of the page (the 2024
 * listing wraps each article in a div of its own inside the grid, so the card's parent is
 * not the list). The listing bar goes just before it.
 */
export function listOf(card: Element): Element | null {
  const doc = card.ownerDocument;
  const cards = allCards(doc);
  const last = cards[cards.length - 1];
  let list = card.parentElement;
  // That div holds one card even while it is the only card parsed so far, when "every card
  // of the page" is just this one: the list is never it (the bar's room kept on it would
  // move to the grid with the second card, and the first card's box with it).
  if (list && isCardWrapper(list)) list = list.parentElement;
  while (list && last && !list.contains(last)) list = list.parentElement;
  return list && list !== doc.body && list !== doc.documentElement ? list : card.parentElement;
}

/** A card's title link (keyboard focus moves to it; `o` opens it). */
export function cardTitleLink(card: Element): HTMLAnchorElement | null {
  for (const heading of card.getElementsByTagName(CARD_HEADING_TAG.toLowerCase())) {
    for (let child = heading.firstElementChild; child; child = child.nextElementSibling) {
      if (isCardTitleLink(child)) return child as HTMLAnchorElement;
    }
  }
  return null;
}

/** Whether a card links to a paper anywhere in it (the drift alarm's count of expected papers). */
export function linksToPaper(card: Element): boolean {
  for (const link of card.getElementsByTagName('a')) {
    if (isPaperHref(link.getAttribute('href') ?? '')) return true;
  }
  return false;
}
