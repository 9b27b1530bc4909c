/** arXiv's pages as the content script sees them (src/site/page-adapter.ts). */
import type { PaperMeta } from '../../shared/model';
import type { CardCopy, PageAdapter } from '../page-adapter';
import { findAbsTitle, readAbsMeta } from './abs-page';
import {
  describeEntry,
  entryCardOf,
  entryCards,
  entryListStart,
  entryTitleLink,
  findEntries,
  listingRecognition,
} from './listing';
import { arxivPageKind } from './urls';

/** The adapter for an arxiv.org `url` in `doc`, or null when it is no page we decorate. */
export function arxivPage(doc: Document, url: string): PageAdapter | null {
  const page = arxivPageKind(url);
  if (page.kind === 'other') return null;

  if (page.kind === 'paper') {
    const { id } = page;
    const ownMeta = () => readAbsMeta(doc, id);
    return {
      kind: 'paper',
      paperId: id,
      findCopies: (scope) => findAbsTitle(scope, id),
      findCards: () => [],
      describe(copies: readonly CardCopy[]) {
        const described = new Map<string, PaperMeta>();
        const meta = copies.some((copy) => copy.id === id) ? ownMeta() : null;
        if (meta) described.set(id, meta);
        return described;
      },
      paperMeta: ownMeta,
      // A paper page has no cards and no read filter.
      cardOf: () => null,
      titleLink: () => null,
      barAnchor: () => null,
      recognition: (recognized) => ({ recognized, expected: Math.max(1, recognized) }),
    };
  }

  return {
    kind: 'listing',
    findCopies: findEntries,
    findCards: entryCards,
    describe(copies: readonly CardCopy[]) {
      const described = new Map<string, PaperMeta>();
      for (const copy of copies) {
        if (described.has(copy.id)) continue;
        const meta = describeEntry(copy);
        if (meta) described.set(copy.id, meta);
      }
      return described;
    },
    cardOf: entryCardOf,
    titleLink: entryTitleLink,
    // The bar goes at the top of the list, inside its dl (see arxiv.css: no layout shift).
    barAnchor: entryListStart,
    recognition: (recognized) => listingRecognition(doc, recognized),
  };
}
