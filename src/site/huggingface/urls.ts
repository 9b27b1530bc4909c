/**
 * huggingface.co's URLs: which pages are listings, which are a paper's own page, and the
 * paper id in a link. Pure; verified on the links of the saved pages (selectors.ts).
 */
import { normalizePaperId } from '../paper-id';
import { PAPER_PATH_PREFIX } from './selectors';

export const SITE_ORIGIN = 'https://huggingface.co';

/** Daily Papers, where users find papers to save (the empty queue links there). */
export const LISTING_URL = `${SITE_ORIGIN}/papers`;

/** The pages the content script is declared for (manifest.json `content_scripts.matches`). */
export const CONTENT_MATCHES = ['https://huggingface.co/papers*'];

/**
 * The paper id in a card link such as `/papers/2407.21783`, or null for links that are not
 * papers: `/papers/date/…`, `/papers/week/…`, `/papers/month/…`, `/papers/trending`.
 * A `#community` fragment or a query string is ignored.
 */
export function paperIdFromHref(href: string): string | null {
  // The common case, a plain `/papers/<id>` href, without building a URL (2,000 per month view).
  const plain = /^\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?$/.exec(href);
  if (plain?.[1]) return plain[1];
  let path: string;
  try {
    path = new URL(href, SITE_ORIGIN).pathname;
  } catch {
    return null;
  }
  const match = /^\/papers\/([^/]+)\/?$/.exec(path);
  return match?.[1] ? normalizePaperId(decodeURIComponent(match[1])) : null;
}

/** True for an href that points at a paper's own page (what a card's title link does). */
export function isPaperHref(href: string): boolean {
  return href.startsWith(PAPER_PATH_PREFIX) && paperIdFromHref(href) !== null;
}

export function paperUrl(id: string): string {
  return `${SITE_ORIGIN}/papers/${id}`;
}

/** True for https://huggingface.co URLs, the only pages allowed to talk to the background. */
export function isSiteUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === SITE_ORIGIN;
  } catch {
    return false;
  }
}

/** An absolute https URL for a site-relative one (`/…`), as the page's own links resolve. */
export function absoluteSiteUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${SITE_ORIGIN}${url}` : url;
}

export type PageKind = { kind: 'listing' } | { kind: 'paper'; id: string } | { kind: 'other' };

/**
 * What a huggingface.co URL shows: a listing (`/papers`, `/papers/date|week|month/…`,
 * `/papers/trending`, `/papers?q=…`, `/papers?date=…`), one paper's page (`/papers/<id>`),
 * or something else (which gets no controls).
 */
export function pageKindOf(url: string): PageKind {
  let parsed: URL;
  try {
    parsed = new URL(url, SITE_ORIGIN);
  } catch {
    return { kind: 'other' };
  }
  if (parsed.origin !== SITE_ORIGIN) return { kind: 'other' };
  const path = parsed.pathname.replace(/\/+$/, '');
  if (path === '/papers' || path === '/papers/trending') return { kind: 'listing' };
  if (/^\/papers\/(date|week|month)\/[^/]+$/.test(path)) return { kind: 'listing' };
  const id = paperIdFromHref(path);
  return id ? { kind: 'paper', id } : { kind: 'other' };
}
