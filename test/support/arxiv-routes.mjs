// Serves the saved arXiv and alphaXiv pages (test/fixtures/arxiv/) for https://arxiv.org and
// https://www.alphaxiv.org, for fixtureAnswer (huggingface-routes.mjs): tests and the bench
// never reach the network. A path is matched with its query first, then without it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const here = join(import.meta.dirname, '..', 'fixtures');

/** Which saved page answers which URL, by origin and path (or path + query). */
export const SITE_PAGES = {
  'https://arxiv.org': {
    '/abs/2401.02954': 'arxiv/abs-2401.02954.html',
    '/abs/1706.03762': 'arxiv/abs-1706.03762v7.html',
    '/abs/2402.07939v1': 'arxiv/abs-2402.07939v1.annotated.html',
    '/abs/2106.09608': 'arxiv/abs-2106.09608v2-2021.html',
    '/list/cs.CL/recent': 'arxiv/list-cs.CL-recent-2026-07-27.html',
    '/list/cs/2301': 'arxiv/list-cs-2301-show3.reformatted.html',
  },
  'https://www.alphaxiv.org': {
    '/abs/2301.12345': 'arxiv/alphaxiv-abs-2301.12345.EXCERPT.html',
  },
};

/** The saved page `name` (test/fixtures/…) as text. */
export const readSitePage = (name) => readFile(join(here, name), 'utf8');

/**
 * What to answer a request to arXiv or alphaXiv with; null: not one of those origins.
 * @param {URL} url
 * @param {{ sitePages?: Record<string, Record<string, string | (() => string)>>, styled?: boolean | ((url: URL) => boolean) }} [options]
 *   sitePages: extra or replacement pages by origin, then path, as a fixture name (`arxiv/…`),
 *   HTML text, or a function that makes it. styled: answer every stylesheet arXiv pages link
 *   with test/fixtures/arxiv-site.css, the stand-in for arXiv's own (the bench, the demo).
 */
export async function siteAnswer(url, options = {}) {
  const known = SITE_PAGES[url.origin];
  if (!known) return null;
  const styled =
    typeof options.styled === 'function' ? options.styled(url) : Boolean(options.styled);
  if (styled && url.pathname.endsWith('.css')) {
    const body = await readFile(join(here, 'arxiv-site.css'));
    return { status: 200, contentType: 'text/css', body };
  }
  const pages = { ...known, ...options.sitePages?.[url.origin] };
  const page = pages[url.pathname + url.search] ?? pages[url.pathname];
  if (page === undefined) {
    return { status: 404, contentType: 'text/plain', body: 'Not in the fixtures' };
  }
  const html =
    typeof page === 'function'
      ? page()
      : page.startsWith('arxiv/')
        ? await readSitePage(page)
        : page;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
}
