/**
 * The drift alarm: does the page show more papers than we recognized? When Hugging Face
 * changes its markup, users must be told instead of silently getting a page without controls.
 */
import type { Recognition } from '../../shared/page-status';
import { allCards, linksToPaper } from './cards';

/**
 * `expected` counts cards that link to a paper. A page with no such card but a listing
 * island counts the island's entries (a layout that dropped `article`). The island alone is
 * not trusted when cards exist: search filters cards in the page but keeps every entry.
 * `decorated`: cards known to hold controls, so to link to a paper; only the others are
 * searched for a paper link (a month view's 1,000 cards hold 20,000 links).
 */
export function assessRecognition(
  root: Element | Document,
  recognized: number,
  islandEntries: number,
  decorated: ReadonlySet<Element> = new Set(),
): Recognition {
  let cards = 0;
  for (const card of allCards(root)) {
    if (decorated.has(card) || linksToPaper(card)) cards++;
  }
  const expected = cards > 0 ? cards : islandEntries;
  return { recognized, expected: Math.max(expected, recognized) };
}
