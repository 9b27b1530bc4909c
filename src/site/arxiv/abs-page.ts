/**
 * An arXiv abstract page (`/abs/<id>`): its title heading gets the same controls as a Hugging
 * Face card, and its `citation_*` meta tags describe the paper, authors included, so a paper
 * saved here can be cited at once. Pure: reads the DOM it is given.
 */
import { cleanMeta } from '../../shared/clean-meta';
import type { PaperMeta } from '../../shared/model';
import type { CardCopy } from '../page-adapter';
import { normalizePaperId } from '../paper-id';
import { ABS_ABSTRACT_SELECTOR, ABS_TITLE_SELECTOR, META } from './selectors';
import { authorName, citationDate, textWithoutDescriptor } from './text';

const documentOf = (root: ParentNode): Document | null => {
  const node = root as Node;
  return node.nodeType === Node.DOCUMENT_NODE ? (node as Document) : node.ownerDocument;
};

/** The page's title heading as a card copy of paper `id`, or [] when it is not (yet) there. */
export function findAbsTitle(root: ParentNode, id: string): CardCopy[] {
  const doc = documentOf(root);
  const heading = doc?.querySelector<HTMLElement>(ABS_TITLE_SELECTOR);
  if (!doc || !heading?.parentElement) return [];
  // Only when the batch being decorated contains the heading (or is the whole page).
  if ((root as Node) !== doc && !(root as Node).contains(heading)) return [];
  return [
    {
      id,
      heading,
      article: heading.parentElement,
      get title() {
        return textWithoutDescriptor(heading);
      },
    },
  ];
}

const metaContents = (doc: ParentNode, name: string): string[] =>
  [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content') ?? '');

/**
 * What the page's meta tags say about paper `id`: title, authors ("First Last"), the first
 * version's date and the abstract. Null when the tags describe another paper or have no title;
 * the heading's text stands in for a missing `citation_title`.
 */
export function readAbsMeta(root: ParentNode, id: string): PaperMeta | null {
  const [pageId] = metaContents(root, META.arxivId);
  if (pageId && normalizePaperId(pageId) !== id) return null;
  const heading = root.querySelector(ABS_TITLE_SELECTOR);
  const title =
    metaContents(root, META.title)[0] || (heading ? textWithoutDescriptor(heading) : '');
  const authors = metaContents(root, META.author)
    .map(authorName)
    .filter((name): name is string => name !== null);
  const abstractBlock = root.querySelector(ABS_ABSTRACT_SELECTOR);
  const summary =
    metaContents(root, META.abstract)[0]?.trim() ||
    (abstractBlock ? textWithoutDescriptor(abstractBlock) : undefined);
  return cleanMeta({
    id,
    title,
    ...(authors.length > 0 ? { authors } : {}),
    ...(summary ? { summary } : {}),
    publishedAt: citationDate(metaContents(root, META.date)[0]),
  });
}
