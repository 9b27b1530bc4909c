/**
 * The paper page (`/papers/<id>`): its title heading gets the same controls as a card, and
 * its `PaperContent` island (props `{ paper: {…} }`, the listing's paper shape) describes it.
 * Pure: reads the DOM it is given.
 */
import type { PaperMeta } from '../../shared/model';
import { cleanText } from '../../shared/text';
import type { CardCopy } from '../page-adapter';
import { metaFromEntry } from './island';
import {
  ISLAND_PROPS_ATTRIBUTE,
  PAPER_ISLAND_SELECTOR,
  PAPER_TITLE_FALLBACK_SELECTOR,
  PAPER_TITLE_SELECTOR,
} from './selectors';

/** The page's title heading as a card copy of paper `id`, or [] when there is none. */
export function findPaperTitle(root: ParentNode, id: string): CardCopy[] {
  const node = root as Node;
  const doc = node.nodeType === Node.DOCUMENT_NODE ? (node as Document) : node.ownerDocument;
  if (!doc) return [];
  const island = doc.querySelector(PAPER_ISLAND_SELECTOR);
  const heading =
    island?.querySelector<HTMLElement>(PAPER_TITLE_SELECTOR) ??
    doc.querySelector<HTMLElement>(PAPER_TITLE_FALLBACK_SELECTOR);
  if (!heading?.parentElement) return [];
  // Only when the batch being decorated contains the heading (or is the whole page).
  if (node !== doc && !node.contains(heading)) return [];
  return [{ id, title: cleanText(heading.textContent), heading, article: heading.parentElement }];
}

/** What the paper page's island says about paper `id`; null if absent, broken or another paper's. */
export function readPaperPageMeta(root: ParentNode, id: string): PaperMeta | null {
  const text = root.querySelector(PAPER_ISLAND_SELECTOR)?.getAttribute(ISLAND_PROPS_ATTRIBUTE);
  if (!text) return null;
  try {
    const meta = metaFromEntry(JSON.parse(text));
    return meta?.id === id ? meta : null;
  } catch {
    return null;
  }
}
