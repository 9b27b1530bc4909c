/** Hugging Face's pages as the content script sees them (src/site/page-adapter.ts). */
import { cleanMeta } from '../../shared/clean-meta';
import type { PaperMeta } from '../../shared/model';
import type { CardCopy, PageAdapter } from '../page-adapter';
import {
  cardOf,
  cardsIn,
  cardTitleLink,
  findCardCopies,
  headingsOf,
  listOf,
  walkCards,
} from './cards';
import { listingIslandProps, parseListingProps } from './island';
import { findPaperTitle, readPaperPageMeta } from './paper-page';
import { assessRecognition } from './recognition';
import { pageKindOf } from './urls';

/** The paper page's own paper: its island, else the title heading's text. */
function paperPageMeta(doc: Document, id: string): PaperMeta | null {
  const [copy] = findPaperTitle(doc, id);
  return readPaperPageMeta(doc, id) ?? (copy?.title ? cleanMeta({ id, title: copy.title }) : null);
}

/** The adapter for `url` in `doc`, or null when the URL is no page we decorate. */
export function huggingFacePage(doc: Document, url: string): PageAdapter | null {
  const page = pageKindOf(url);
  if (page.kind === 'other') return null;
  const paperId = page.kind === 'paper' ? page.id : undefined;

  // The island's props can be megabytes on a month view: parsed again only when the site
  // replaced them (it does on in-page navigation).
  let island: { text: string | null; byId: Map<string, PaperMeta> } = {
    text: null,
    byId: new Map(),
  };
  const listingMeta = () => {
    const text = listingIslandProps(doc);
    if (text !== island.text) island = { text, byId: parseListingProps(text) };
    return island.byId;
  };

  const newHeadings = headingsOf(walkCards(doc, true));
  const newCards = walkCards(doc);

  return {
    kind: page.kind,
    paperId,
    findCopies(scope, skip) {
      // `skip` means the page is still parsed: a walk of it goes on from the last one.
      const parsing = skip !== undefined && scope === doc;
      const copies = findCardCopies(scope, skip, parsing ? newHeadings : undefined);
      if (paperId) copies.push(...findPaperTitle(scope, paperId));
      return copies;
    },
    // Asked only while the page is parsed (page-adapter.ts): the same.
    findCards: (scope) => (paperId ? [] : scope === doc ? newCards() : cardsIn(scope)),
    describe(copies: readonly CardCopy[]) {
      const listing = listingMeta();
      const described = new Map<string, PaperMeta>();
      for (const copy of copies) {
        if (described.has(copy.id)) continue;
        const fromIsland =
          copy.id === paperId ? readPaperPageMeta(doc, copy.id) : listing.get(copy.id);
        // Island metadata comes cleaned; only the card's own title needs it here.
        const meta = fromIsland ?? cleanMeta({ id: copy.id, title: copy.title || copy.id });
        if (meta) described.set(copy.id, meta);
      }
      return described;
    },
    ...(paperId ? { paperMeta: () => paperPageMeta(doc, paperId) } : {}),
    cardOf,
    titleLink: cardTitleLink,
    barAnchor: listOf,
    recognition(recognized, decoratedCards) {
      const islandEntries = listingIslandProps(doc) ? listingMeta().size : 0;
      return assessRecognition(doc, recognized, islandEntries, decoratedCards);
    },
  };
}
