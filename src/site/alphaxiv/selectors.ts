/**
 * The little alphaXiv markup this extension relies on. No full saved alphaXiv page exists;
 * the only one is test/fixtures/arxiv/alphaxiv-abs-2301.12345.EXCERPT.html, a cut-down head.
 * So the paper is known from the URL (urls.ts), its title from the document title, and
 * controls appear only next to a heading that says exactly that title. Anything else about
 * the page is unknown and left alone; when no such heading is found the drift alarm says so.
 */

/** The document title is "<paper title> | alphaXiv". Verified: the excerpt only. */
export const TITLE_SUFFIX = /\s*\|\s*alphaXiv\s*$/i;

/** The page's title heading: an `h1` whose text is the paper's title. Not verified (no page). */
export const TITLE_HEADING_TAG = 'H1';
