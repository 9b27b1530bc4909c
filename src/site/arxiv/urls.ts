/**
 * arXiv's addresses: a paper's abstract page and DOI (exports and citations link to them),
 * and which arxiv.org pages the content script decorates. Pure; the URL forms are the ones
 * the saved pages use and link to (selectors.ts).
 */
import { normalizePaperId } from '../paper-id';

export const ARXIV_ORIGIN = 'https://arxiv.org';

export function arxivAbsUrl(id: string): string {
  return `${ARXIV_ORIGIN}/abs/${id}`;
}

/** arXiv registers a DataCite DOI for every paper. */
export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${id}`;
}

/** The host permission the user grants when turning arXiv on (manifest `optional_host_permissions`). */
export const ARXIV_PERMISSION_ORIGINS = ['https://arxiv.org/*'];

/**
 * Where the content script is registered once arXiv is granted: abstract pages and listings.
 * arXiv renders every page on the server, so no other page can turn into one of these.
 */
export const ARXIV_CONTENT_MATCHES = ['https://arxiv.org/abs/*', 'https://arxiv.org/list/*'];

/**
 * The paper in an abstract path: `/abs/2401.02954`, `/abs/2401.02954v2`, the old style
 * `/abs/hep-th/9901001` (also `math.GT/0309136`), a trailing slash allowed. Null otherwise.
 */
export function paperIdFromAbsPath(path: string): string | null {
  const match = /^\/abs\/(.+?)\/?$/.exec(path);
  if (!match?.[1]) return null;
  try {
    return normalizePaperId(decodeURIComponent(match[1]));
  } catch {
    return null;
  }
}

/** The paper an arXiv link names (`/abs/<id>` relative or absolute, on arxiv.org), or null. */
export function paperIdFromAbsHref(href: string): string | null {
  // The common case, a plain `/abs/<id>` href, without building a URL (50 to 2,000 per listing).
  const plain = /^\/abs\/(\d{4}\.\d{4,5})(?:v\d+)?$/.exec(href);
  if (plain?.[1]) return plain[1];
  let url: URL;
  try {
    url = new URL(href, ARXIV_ORIGIN);
  } catch {
    return null;
  }
  return url.origin === ARXIV_ORIGIN ? paperIdFromAbsPath(url.pathname) : null;
}

export type ArxivPageKind = { kind: 'listing' } | { kind: 'paper'; id: string } | { kind: 'other' };

/**
 * A listing: `/list/<archive or category>/new | recent | pastweek | <yymm>` (`/list/cs.CL/new`,
 * `/list/cs/2301?skip=0&show=25`, `/list/hep-th/pastweek`); `current` is an older name of the
 * month's listing. The query (paging) does not change what the page is.
 */
const LISTING_PATH = /^\/list\/[A-Za-z-]+(?:\.[A-Za-z-]+)?\/(?:new|recent|pastweek|current|\d{4})$/;

/** What an arxiv.org URL shows: an abstract page, a listing, or something we leave alone. */
export function arxivPageKind(url: string): ArxivPageKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'other' };
  }
  if (parsed.origin !== ARXIV_ORIGIN) return { kind: 'other' };
  const path = parsed.pathname.replace(/\/+$/, '');
  if (LISTING_PATH.test(path)) return { kind: 'listing' };
  const id = paperIdFromAbsPath(path);
  return id ? { kind: 'paper', id } : { kind: 'other' };
}
