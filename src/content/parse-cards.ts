/**
 * Finds paper cards in listing markup. Pure: takes a DOM subtree, returns what it found,
 * touches nothing. Works on the 2024 and 2026 layouts (see src/shared/site.ts).
 */
import { CARD_HEADING_TAG, CARD_SELECTOR, isCardTitleLink, paperIdFromHref } from '../shared/site';

/** One visible copy of a card. A 2026 article holds two copies (desktop and mobile). */
export interface CardCopy {
  id: string;
  title: string;
  /** The card's title heading; controls are placed right after it. */
  heading: HTMLElement;
  article: Element;
}

/** Collapses the whitespace of rendered text, as a reader sees it. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Every card copy at or below `root`, in document order. */
export function findCardCopies(root: ParentNode): CardCopy[] {
  const links: Element[] = [];
  if (root instanceof Element && isCardTitleLink(root)) links.push(root);
  const headings =
    root instanceof Element && root.tagName === CARD_HEADING_TAG
      ? [root]
      : (root as Element | Document).getElementsByTagName(CARD_HEADING_TAG.toLowerCase());
  for (const heading of headings) {
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
