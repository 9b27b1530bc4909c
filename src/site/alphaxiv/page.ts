/**
 * alphaXiv's paper pages as the content script sees them (src/site/page-adapter.ts): the
 * paper is the arXiv id in the URL; Save / Read go after the `h1` that shows the paper's
 * title, when there is one. Pure: reads the DOM it is given.
 */
import { cleanMeta } from '../../shared/clean-meta';
import type { PaperMeta } from '../../shared/model';
import { cleanText } from '../../shared/text';
import type { CardCopy, PageAdapter } from '../page-adapter';
import { TITLE_HEADING_TAG, TITLE_SUFFIX } from './selectors';
import { alphaxivPaperId } from './urls';

/** The paper's title from the document title ("<title> | alphaXiv"), or '' without one. */
export function alphaxivTitle(doc: Document): string {
  const title = cleanText(doc.title);
  return TITLE_SUFFIX.test(title) ? title.replace(TITLE_SUFFIX, '') : '';
}

const same = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** The heading at or below `scope` that shows paper `id`'s title, as a card copy. */
export function findAlphaxivTitle(doc: Document, scope: ParentNode, id: string): CardCopy[] {
  const title = alphaxivTitle(doc);
  if (!title) return [];
  const headings =
    scope instanceof Element && scope.tagName === TITLE_HEADING_TAG
      ? [scope]
      : [...(scope as Element | Document).getElementsByTagName(TITLE_HEADING_TAG.toLowerCase())];
  for (const heading of headings) {
    if (heading.parentElement && same(cleanText(heading.textContent), title)) {
      return [{ id, title, heading: heading as HTMLElement, article: heading.parentElement }];
    }
  }
  return [];
}

/** The adapter for an alphaXiv `url` in `doc`, or null when it is no paper page. */
export function alphaxivPage(doc: Document, url: string): PageAdapter | null {
  const id = alphaxivPaperId(url);
  if (!id) return null;
  const ownMeta = (): PaperMeta | null => {
    const title = alphaxivTitle(doc);
    return title ? cleanMeta({ id, title }) : null;
  };
  return {
    kind: 'paper',
    paperId: id,
    findCopies: (scope) => findAlphaxivTitle(doc, scope, id),
    findCards: () => [],
    describe(copies: readonly CardCopy[]) {
      const meta = copies.some((copy) => copy.id === id) ? ownMeta() : null;
      return new Map(meta ? [[id, meta]] : []);
    },
    paperMeta: ownMeta,
    cardOf: () => null,
    titleLink: () => null,
    barAnchor: () => null,
    // The URL says the page shows one paper: no heading with its title is drift.
    recognition: (recognized) => ({ recognized, expected: Math.max(1, recognized) }),
  };
}
