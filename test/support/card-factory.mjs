// Builds listing pages of any size from the real 2026 card markup (the saved trending page):
// every generated card is a verbatim copy of a real article with only its id and title
// changed, and the DailyPapers island lists exactly the generated papers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './huggingface-routes.mjs';

const PAGE = readFileSync(join(FIXTURES, 'hf/trending-2026-10.excerpt.html'), 'utf8');
const PROPS = JSON.parse(readFileSync(join(FIXTURES, 'hf/trending-2026-10.props.json'), 'utf8'));
const TEMPLATE_ID = '2609.20519';
const TEMPLATE_TITLE =
  'SoL-Pi: Recursively Scaling Auto-Research Loops for Efficient Agent Harness';

const firstArticle = PAGE.indexOf('<article');
const listEnd = PAGE.lastIndexOf('</article>') + '</article>'.length;
const TEMPLATE_ARTICLE = PAGE.slice(firstArticle, PAGE.indexOf('</article>', firstArticle) + 10);
const TEMPLATE_ENTRY = PROPS.dailyPapers.find((e) => e.paper.id === TEMPLATE_ID);

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A made-up but valid arXiv id, distinct for every `n` (up to 99,999 per prefix). */
export function syntheticId(n, prefix = '2611') {
  return `${prefix}.${String(n).padStart(5, '0')}`;
}

/** One card: the real article with another id and title. */
export function cardHtml(id, title) {
  return TEMPLATE_ARTICLE.split(TEMPLATE_ID).join(id).split(TEMPLATE_TITLE).join(escapeHtml(title));
}

export function cardsHtml(papers) {
  return papers.map((p) => cardHtml(p.id, p.title)).join('<!--]--><!--[0-->');
}

/** The island's data-props text for these papers. */
export function islandProps(papers) {
  return JSON.stringify({
    ...PROPS,
    dailyPapers: papers.map((p) => ({
      ...TEMPLATE_ENTRY,
      title: p.title,
      paper: {
        ...TEMPLATE_ENTRY.paper,
        id: p.id,
        title: p.title,
        authors: [{ name: p.author ?? 'Ada Lovelace' }],
      },
    })),
  });
}

/** `count` papers with ids from `syntheticId(start…)` and readable titles. */
export function makePapers(count, start = 1, prefix = '2611') {
  return Array.from({ length: count }, (_, i) => ({
    id: syntheticId(start + i, prefix),
    title: `Synthetic paper ${start + i} built from the real 2026 card`,
  }));
}

/** A whole listing page (the saved page's wrappers) holding these papers. */
export function listingPage(papers) {
  const withCards = PAGE.slice(0, firstArticle) + cardsHtml(papers) + PAGE.slice(listEnd);
  return withCards.replace(
    /(data-target="DailyPapers" data-props=")[^"]*(")/,
    (_m, a, b) => `${a}${escapeHtml(islandProps(papers))}${b}`,
  );
}
