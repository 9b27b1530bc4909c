/**
 * Finds paper cards in listing markup. Pure: takes a DOM subtree, returns what it found,
 * touches nothing. Works on the 2024 and 2026 layouts (see src/shared/site.ts).
 */
import { CARD_SELECTOR, CARD_TITLE_LINK_SELECTOR, paperIdFromHref } from '../shared/site';

/** One visible copy of a card. A 2026 article holds two copies (desktop and mobile). */
export interface CardCopy {
  id: string;
  title: string;
  /** The card's title heading; controls are placed right after it. */
  heading: HTMLElement;
  article: Element;
}

const LINK_IN_CARD = `${CARD_SELECTOR} ${CARD_TITLE_LINK_SELECTOR}`;

/** Collapses the whitespace of rendered text, as a reader sees it. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Every card copy at or below `root`, in document order. */
export function findCardCopies(root: ParentNode): CardCopy[] {
  const links: Element[] = [];
  if (root instanceof Element && root.matches(LINK_IN_CARD)) links.push(root);
  // Inside an article the ancestor test is already met: a cheaper selector per card.
  const inCard = root instanceof Element && root.matches(CARD_SELECTOR);
  links.push(...root.querySelectorAll(inCard ? CARD_TITLE_LINK_SELECTOR : LINK_IN_CARD));
  const copies: CardCopy[] = [];
  for (const link of links) {
    const id = paperIdFromHref(link.getAttribute('href') ?? '');
    const heading = link.parentElement;
    const article = link.closest(CARD_SELECTOR);
    if (!id || !heading || !article) continue;
    copies.push({ id, title: cleanText(link.textContent), heading, article });
  }
  return copies;
}

/** The distinct paper ids among card copies, in first-seen order. */
export function distinctIds(copies: readonly CardCopy[]): string[] {
  return [...new Set(copies.map((copy) => copy.id))];
}
