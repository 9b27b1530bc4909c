/**
 * Every piece of huggingface.co markup this extension relies on, each with the saved pages it
 * was verified on (test/fixtures/README.md). When the site changes, this is the file to read
 * first; nothing outside src/site/ names a tag, class, island or attribute of the site.
 *
 * Full Tailwind class strings are never matched: they broke every scraper in 2024. The
 * anchors below (an `article` holding `h3 > a[href="/papers/<id>"]`, Svelte islands by their
 * `data-target`) held on every layout seen from 2024 to 2026.
 *
 * Fixtures: 2024 = hf/listing-2024-08-01.html (Daily, 13 cards, one copy each);
 *           2026 = hf/trending-2026-10.excerpt.html (Trending, 6 cards, two copies each).
 */

/** A listing card. Verified: 2024, 2026. Since 2026 one article holds a desktop and a mobile copy. */
export const CARD_TAG = 'ARTICLE';
export const CARD_SELECTOR = 'article';

/** A card's title heading, parent of the title link; controls go right after it. Verified: 2024, 2026. */
export const CARD_HEADING_TAG = 'H3';

/** The title link's href prefix inside the heading: `/papers/<arXiv id>`. Verified: 2024, 2026. */
export const PAPER_PATH_PREFIX = '/papers/';

/** The title link of a card as a selector (keyboard focus, "open"). Verified: 2024, 2026. */
export const CARD_TITLE_LINK_SELECTOR = 'h3 > a[href^="/papers/"]';

/**
 * The server-rendered Svelte island whose `data-props` JSON lists the papers shown (its
 * `dailyPapers[]` entries: `{ paper: {id, title, authors[].name, summary, publishedAt, …}, … }`).
 * Verified: 2024, 2026. The site replaces its props on in-page navigation.
 */
export const LISTING_ISLAND_SELECTOR = 'div.SVELTE_HYDRATER[data-target="DailyPapers"]';

/**
 * The paper page's island; its props hold `{ paper: {…} }` in the listing's paper shape.
 * Verified: the paper page test/support/fixtures.ts builds from real parts (no saved paper page
 * exists), following the SSR markup of the 2026 page.
 */
export const PAPER_ISLAND_SELECTOR = 'div.SVELTE_HYDRATER[data-target="PaperContent"]';

/** The paper page's title heading (inside its island, else the first in main/body). */
export const PAPER_TITLE_SELECTOR = 'h1';
export const PAPER_TITLE_FALLBACK_SELECTOR = 'main h1, body h1';

/** Islands carry their props in this attribute (HTML-escaped JSON). */
export const ISLAND_PROPS_ATTRIBUTE = 'data-props';

/** The root element's class that switches the site to dark mode (page.css follows it). */
export const DARK_MODE_CLASS = 'dark';
