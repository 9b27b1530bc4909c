// Serves the saved Hugging Face pages for https://huggingface.co/* to a Playwright context,
// and refuses every other request: tests and the demo never reach the network.
// `fixtureAnswer` is the browser-neutral part, shared with the Firefox (puppeteer) tests.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteAnswer } from './arxiv-routes.mjs';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Which saved page answers which listing URL (path, or path + query). */
export const PAGES = {
  '/papers': 'hf/trending-2026-10.excerpt.html',
  '/papers/trending': 'hf/trending-2026-10.excerpt.html',
  '/papers/date/2024-08-01': 'hf/listing-2024-08-01.html',
  '/papers?date=2024-08-01': 'hf/listing-2024-08-01.html',
};

const STYLE_LINK = '<link rel="stylesheet" href="/__fixture__/site.css">';

/**
 * What to answer a web request with: `null` means refuse it (not huggingface.co, arXiv or alphaXiv).
 * @param {URL} url
 * @param {{ styled?: boolean | ((url: URL) => boolean), pages?: Record<string, string | (() => string)>, sitePages?: Record<string, Record<string, string | (() => string)>> }} [options]
 *   styled: serve site.css (the stand-in for the site's stylesheet) with every page, or with
 *   the pages this function picks.
 * @returns {Promise<{ status: number, contentType: string, body: string | Buffer } | null>}
 */
export async function fixtureAnswer(url, options = {}) {
  // arXiv and alphaXiv (arxiv-routes.mjs); null for every other site.
  if (url.origin !== 'https://huggingface.co') return siteAnswer(url, options);
  const pages = { ...PAGES, ...options.pages };
  const styled =
    typeof options.styled === 'function' ? options.styled(url) : Boolean(options.styled);
  if (styled && url.pathname.endsWith('.css')) {
    return {
      status: 200,
      contentType: 'text/css',
      body: await readFile(join(FIXTURES, 'site.css')),
    };
  }
  const page = pages[url.pathname + url.search] ?? pages[url.pathname];
  if (page === undefined)
    return { status: 404, contentType: 'text/plain', body: 'Not in the fixtures' };
  let html =
    typeof page === 'function'
      ? page()
      : page.startsWith('hf/')
        ? await readFile(join(FIXTURES, page), 'utf8')
        : page;
  if (styled) html = html.replace('</head>', `${STYLE_LINK}</head>`);
  return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ styled?: boolean | ((url: URL) => boolean), pages?: Record<string, string | (() => string)>, sitePages?: Record<string, Record<string, string | (() => string)>> }} [options]
 *   styled: add test/fixtures/site.css so the page looks like a listing (demo only);
 *   pages: extra or replacement pages, by path (+ query), as HTML text or a function.
 */
export async function serveHuggingFace(context, options = {}) {
  // Web requests only: the extension's own chrome-extension:// files must load untouched.
  const isWeb = (/** @type {URL} */ url) => url.protocol === 'https:' || url.protocol === 'http:';
  await context.route(isWeb, async (route) => {
    const answer = await fixtureAnswer(new URL(route.request().url()), options);
    if (!answer) return route.abort('blockedbyclient');
    return route.fulfill(answer);
  });
}
