/**
 * Everything this extension knows about huggingface.co's markup and URLs, in one place.
 * When the site changes, this is the file to read first. Full Tailwind class strings are
 * never matched: they broke every scraper in 2024. Each anchor names the layouts it was
 * checked on (test/fixtures/README.md).
 */
import { normalizePaperId } from './paper-id';

export const SITE_ORIGIN = 'https://huggingface.co';

/** A listing card: an `article` holding the title link (2024 and 2026 layouts). */
export const CARD_SELECTOR = 'article';

/**
 * The title link inside a card. Since 2026 one article holds two copies of the card
 * (desktop and mobile), so an article can contain this twice for the same paper.
 */
export const CARD_TITLE_LINK_SELECTOR = 'h3 > a[href^="/papers/"]';

/** The same anchor as a tag walk (a month view has 2,000 copies: no selector matching). */
export const CARD_HEADING_TAG = 'H3';
export function isCardTitleLink(el: Element): boolean {
  return (
    el.tagName === 'A' &&
    el.parentElement?.tagName === CARD_HEADING_TAG &&
    (el.getAttribute('href') ?? '').startsWith('/papers/')
  );
}

/** The server-rendered Svelte island whose `data-props` JSON lists the papers shown. */
export const LISTING_ISLAND_SELECTOR = 'div.SVELTE_HYDRATER[data-target="DailyPapers"]';

/** The paper page's island; its props hold `{ paper: {…} }` in the listing's paper shape. */
export const PAPER_ISLAND_SELECTOR = 'div.SVELTE_HYDRATER[data-target="PaperContent"]';

/** The paper page's title heading. */
export const PAPER_TITLE_SELECTOR = 'h1';

/** The root element's class that switches the site to dark mode (page.css follows it). */
export const DARK_MODE_CLASS = 'dark';

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
