/**
 * An arXiv listing (`/list/<category>/…`): entries are `dt` + `dd` pairs (selectors.ts). The
 * `dd` is the card: its title block gets the controls and it carries the read filter's
 * attribute; arxiv.css hides or dims the `dt` in front of a read `dd`, so no element is ever
 * wrapped around the pair. Pure: reads the DOM it is given, changes nothing.
 */
import { cleanMeta } from '../../shared/clean-meta';
import type { PaperMeta } from '../../shared/model';
import { cleanText } from '../../shared/text';
import type { CardCopy } from '../page-adapter';
import {
  ENTRY_ABS_LINK_SELECTOR,
  ENTRY_ABSTRACT_SELECTOR,
  ENTRY_AUTHORS_SELECTOR,
  ENTRY_CARD_TAG,
  ENTRY_TERM_TAG,
  ENTRY_TITLE_CLASS,
  PAGING_RANGE_SELECTOR,
} from './selectors';
import { textWithoutDescriptor } from './text';
import { paperIdFromAbsHref } from './urls';

/** The `dd` that belongs to a `dt` (the next element), or null. */
const cardOfTerm = (dt: Element): Element | null => {
  const next = dt.nextElementSibling;
  return next?.tagName === ENTRY_CARD_TAG ? next : null;
};

/** The `dt` in front of a `dd`, or null. */
export const termOfCard = (dd: Element): Element | null => {
  const previous = dd.previousElementSibling;
  return previous?.tagName === ENTRY_TERM_TAG ? previous : null;
};

/** The paper id of an entry's `dt`, from its abstract link. */
export function entryId(dt: Element): string | null {
  const link = dt.querySelector(ENTRY_ABS_LINK_SELECTOR);
  return link ? paperIdFromAbsHref(link.getAttribute('href') ?? '') : null;
}

const titleBlockOf = (dd: Element): HTMLElement | null =>
  (dd.getElementsByClassName(ENTRY_TITLE_CLASS)[0] as HTMLElement | undefined) ?? null;

/** Every entry's `dt` at or below `scope` (or the one in front of the `dd` that is the scope). */
function termsIn(scope: ParentNode): Element[] {
  if (scope instanceof Element) {
    if (scope.tagName === ENTRY_TERM_TAG) return [scope];
    if (scope.tagName === ENTRY_CARD_TAG) {
      const dt = termOfCard(scope);
      return dt ? [dt] : [];
    }
  }
  return [...(scope as Element | Document).getElementsByTagName(ENTRY_TERM_TAG.toLowerCase())];
}

/**
 * Every entry at or below `scope` that can take controls, in document order: a `dt` with an
 * abstract link, followed by its `dd` holding a title block. A `dd` alone (the scope a
 * control's card gives) finds its own entry.
 */
export function findEntries(scope: ParentNode): CardCopy[] {
  const copies: CardCopy[] = [];
  for (const dt of termsIn(scope)) {
    const dd = cardOfTerm(dt);
    const heading = dd ? titleBlockOf(dd) : null;
    const id = dd && heading ? entryId(dt) : null;
    if (!dd || !heading || !id) continue;
    copies.push({
      id,
      heading,
      article: dd,
      get title() {
        return textWithoutDescriptor(heading);
      },
    });
  }
  return copies;
}

/** What an entry says about its paper: title, authors, and the abstract where /new shows one. */
export function describeEntry(copy: CardCopy): PaperMeta | null {
  const dd = copy.article;
  const authors = [...dd.querySelectorAll(ENTRY_AUTHORS_SELECTOR)]
    .map((a) => cleanText(a.textContent))
    .filter(Boolean);
  const abstract = dd.querySelector(ENTRY_ABSTRACT_SELECTOR);
  const summary = abstract ? cleanText(abstract.textContent) : '';
  return cleanMeta({
    id: copy.id,
    title: copy.title || copy.id,
    ...(authors.length > 0 ? { authors } : {}),
    ...(summary ? { summary } : {}),
  });
}

/** The card (`dd`) an element of ours sits in, if it is a listing entry's. */
export function entryCardOf(el: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.tagName === ENTRY_CARD_TAG) return termOfCard(node) ? node : null;
  }
  return null;
}

/** Every entry card (`dd` of a listing's `dl`) at or below `scope`, known yet or not. */
export function entryCards(scope: ParentNode): Element[] {
  const cards = [
    ...(scope as Element | Document).getElementsByTagName(ENTRY_CARD_TAG.toLowerCase()),
  ];
  if (scope instanceof Element && scope.tagName === ENTRY_CARD_TAG) cards.unshift(scope);
  return cards.filter((dd) => dd.parentElement?.tagName === 'DL');
}

/** The abstract link of a card's entry (keyboard focus moves to it; `o` opens it). */
export function entryTitleLink(dd: Element): HTMLElement | null {
  return termOfCard(dd)?.querySelector<HTMLElement>(ENTRY_ABS_LINK_SELECTOR) ?? null;
}

/** The first element of the list a card is in (`dl#articles`: a day heading or the first dt). */
export function entryListStart(dd: Element): Element | null {
  return dd.parentElement?.firstElementChild ?? null;
}

/** How many entries the paging line says this page shows ("1-50" → 50), or 0 without one. */
export function pagingCount(doc: ParentNode): number {
  const match = /(\d+)\s*[-–]\s*(\d+)/.exec(
    doc.querySelector(PAGING_RANGE_SELECTOR)?.textContent ?? '',
  );
  if (!match) return 0;
  const count = Number(match[2]) - Number(match[1]) + 1;
  return Math.max(count, 0);
}

/**
 * The drift alarm: the entries the page shows, against those that got controls. Expected is
 * the larger of the `dt`s in the page and the paging line's count, so entries whose markup
 * changed are counted too (their `dt` or the paging line still says they are there).
 */
export function listingRecognition(doc: Document, recognized: number) {
  const terms = doc.getElementsByTagName(ENTRY_TERM_TAG.toLowerCase()).length;
  const expected = Math.max(terms, pagingCount(doc), recognized);
  return { recognized, expected };
}
