/**
 * Reads the `DailyPapers` island's props JSON: the richest description of the papers on a
 * listing (authors, summary, dates), joined to cards by id. Pure and defensive: the JSON is
 * the site's, so every field is checked, and a malformed entry is skipped, never guessed.
 * Joining by id is what keeps stale props (mid-navigation) from describing the wrong paper.
 */
import { cleanMeta } from '../../shared/clean-meta';
import type { PaperMeta } from '../../shared/model';
import { normalizePaperId } from '../paper-id';
import { ISLAND_PROPS_ATTRIBUTE, LISTING_ISLAND_SELECTOR } from './selectors';
import { absoluteSiteUrl } from './urls';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const url = (value: unknown) => (typeof value === 'string' ? absoluteSiteUrl(value) : undefined);

/** The island's raw props text, or null when the page has no listing island. */
export function listingIslandProps(root: ParentNode): string | null {
  return root.querySelector(LISTING_ISLAND_SELECTOR)?.getAttribute(ISLAND_PROPS_ATTRIBUTE) ?? null;
}

/** Paper metadata by id from the island's props text; empty when it is missing or broken. */
export function parseListingProps(propsText: string | null): Map<string, PaperMeta> {
  const byId = new Map<string, PaperMeta>();
  if (!propsText) return byId;
  let props: unknown;
  try {
    props = JSON.parse(propsText);
  } catch {
    return byId;
  }
  const entries = isObject(props) && Array.isArray(props.dailyPapers) ? props.dailyPapers : [];
  for (const entry of entries) {
    const meta = metaFromEntry(entry);
    if (meta && !byId.has(meta.id)) byId.set(meta.id, meta);
  }
  return byId;
}

/**
 * Metadata from one `{ paper: {…}, … }` entry (listing and paper page share this shape).
 * Fields read: `paper.id`, `paper.title` (else `title`), `paper.authors[].name` (skipping
 * `hidden`), `paper.summary` (else `summary`), `paper.ai_summary`, `paper.publishedAt`,
 * `paper.upvotes`, `numComments`, `thumbnail`, `paper.githubRepo`,
 * `paper.organization.fullname|name`. Verified on both saved listings' props.
 */
export function metaFromEntry(entry: unknown): PaperMeta | null {
  if (!isObject(entry) || !isObject(entry.paper)) return null;
  const paper = entry.paper;
  const id = typeof paper.id === 'string' ? normalizePaperId(paper.id) : null;
  if (!id) return null;
  const authors = Array.isArray(paper.authors)
    ? paper.authors
        .filter((author): author is Json => isObject(author) && author.hidden !== true)
        .map((author) => str(author.name))
        .filter((name): name is string => Boolean(name))
    : undefined;
  const organization = isObject(paper.organization)
    ? (str(paper.organization.fullname) ?? str(paper.organization.name))
    : undefined;
  return cleanMeta({
    id,
    title: str(paper.title) ?? str(entry.title) ?? '',
    authors,
    summary: str(paper.summary) ?? str(entry.summary),
    aiSummary: str(paper.ai_summary),
    publishedAt: str(paper.publishedAt),
    upvotes: num(paper.upvotes),
    numComments: num(entry.numComments),
    thumbnail: url(entry.thumbnail),
    githubRepo: url(paper.githubRepo),
    organization,
  });
}
