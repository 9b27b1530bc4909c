// Listing views made of real 2026 card markup with made-up papers, at the site's listing
// paths, for the navigation tests (served by the session, switched by the site simulator).
import type { Page } from 'playwright-core';
import { listingPage, makePapers } from './card-factory.mjs';

export const daily = makePapers(8, 1, '2611');
export const weekly = makePapers(12, 1, '2612');
export const monthly = makePapers(20, 100, '2612');

export const VIEWS = {
  '/papers/date/2026-11-20': daily,
  '/papers/week/2026-W47': weekly,
  '/papers/month/2026-11': monthly,
  '/papers?q=synthetic': daily.slice(0, 3),
};

/** Every view as a page to serve, by path. */
export const viewPages = (): Record<string, string> =>
  Object.fromEntries(Object.entries(VIEWS).map(([path, papers]) => [path, listingPage(papers)]));

/** The paper id of every control host in the page, in document order. */
export const hostIds = (page: Page) =>
  page
    .locator('[data-paper-queue-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-queue-id')));
