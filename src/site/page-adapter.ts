/**
 * What the content script needs to know about one page view of a supported site, and
 * nothing more: where the paper cards are, what the page says about each paper, which
 * element a card is (what the read filter hides), and how many papers the page shows (the
 * drift alarm). Each site implements it in its own folder (src/site/huggingface/page.ts);
 * the content script never names a tag, class or field of a site.
 */
import type { PaperMeta } from '../shared/model';
import type { Recognition } from '../shared/page-status';

/** One visible copy of a paper's card (a 2026 Hugging Face card exists twice). */
export interface CardCopy {
  id: string;
  title: string;
  /** The card's title heading; controls are placed right after it. */
  heading: HTMLElement;
  /** What the read filter hides or dims. */
  article: Element;
}

export interface PageAdapter {
  /** A listing gets the read filter, the bar, undo and keys; a paper page only its controls. */
  kind: 'listing' | 'paper';
  /** The paper whose own page this is. */
  paperId?: string;
  /**
   * Card copies at or below `scope`, in document order. `skip`: headings the caller is done
   * with, which an adapter may leave out before any work on them (a hint: the caller checks).
   */
  findCopies(scope: ParentNode, skip?: (heading: Element) => boolean): CardCopy[];
  /**
   * Every card element at or below `scope`, its paper known yet or not: while the page is
   * still being parsed, a card can be in the page before its title link is.
   */
  findCards(scope: ParentNode): Element[];
  /**
   * What the page says about the papers of `copies` (cleaned to the protocol's limits);
   * called once per batch, so a site can read a big description once and cache it.
   */
  describe(copies: readonly CardCopy[]): Map<string, PaperMeta>;
  /**
   * What the page says about its own paper (paper pages), for the toolbar and the popup's
   * "This page" even where no heading took controls; null when it cannot tell (yet).
   */
  paperMeta?: () => PaperMeta | null;
  /** The card an element of ours sits in (what the read filter hides or dims). */
  cardOf(el: Element): Element | null;
  /** The link that opens a card's paper (keyboard focus moves to it; `o` opens it). */
  titleLink(card: Element): HTMLElement | null;
  /** Where the listing bar goes: before this element, the list (given its first card). */
  barAnchor(firstCard: Element): Element | null;
  /** The drift alarm: how many papers the page shows, against how many got controls. */
  recognition(recognized: number, decoratedCards: ReadonlySet<Element>): Recognition;
}
