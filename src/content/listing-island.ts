/**
 * Finds the listing's `DailyPapers` island. Its props text is parsed by the background
 * (src/shared/listing-props.ts): the content script only reads it when it needs one
 * paper's metadata (a click) or the island's size (the drift alarm on a page without cards).
 */
import { LISTING_ISLAND_SELECTOR } from '../shared/site';

/** The island's raw props text, or null when the page has no listing island. */
export function listingIslandProps(root: ParentNode): string | null {
  return root.querySelector(LISTING_ISLAND_SELECTOR)?.getAttribute('data-props') ?? null;
}
