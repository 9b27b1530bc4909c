/**
 * The drift alarm: does the page show more papers than we recognized? When Hugging Face
 * changes its markup, users must be told instead of silently getting a page without controls.
 */
import type { Recognition } from '../shared/page-status';
import { CARD_SELECTOR, paperIdFromHref } from '../shared/site';

/**
 * `expected` counts articles that link to a paper. A page with no such article but a listing
 * island counts the island's entries (a layout that dropped `article`). The island alone is
 * not trusted when cards exist: search filters cards in the page but keeps every entry.
 * `decorated`: articles known to hold controls, so to link to a paper; only the others are
 * searched for a paper link (a month view's 1,000 cards hold 20,000 links).
 */
export function assessRecognition(
  root: ParentNode,
  recognized: number,
  islandEntries: number,
  decorated: ReadonlySet<Element> = new Set(),
): Recognition {
  let articles = 0;
  // Tag walks, not selectors: this runs over every card of a month view.
  const all = (root as Element | Document).getElementsByTagName(CARD_SELECTOR);
  for (const article of all) {
    if (decorated.has(article)) {
      articles++;
      continue;
    }
    for (const link of article.getElementsByTagName('a')) {
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('/papers/') && paperIdFromHref(href)) {
        articles++;
        break;
      }
    }
  }
  const expected = articles > 0 ? articles : islandEntries;
  return { recognized, expected: Math.max(expected, recognized) };
}
