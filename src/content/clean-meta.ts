/**
 * Brings metadata read from the page within the protocol's limits, so one odd card can
 * never get a whole batch refused by the background. Drops what cannot be fixed.
 */
import { LIMITS } from '../shared/limits';
import type { PaperMeta } from '../shared/model';
import { cleanText } from './parse-cards';

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function cleanUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const absolute =
    url.startsWith('/') && !url.startsWith('//') ? `https://huggingface.co${url}` : url;
  return absolute.startsWith('https://') && absolute.length <= LIMITS.url ? absolute : undefined;
}

const cleanCount = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;

function cleanDate(date: string | undefined): string | undefined {
  return date && date.length <= 40 && !Number.isNaN(Date.parse(date)) ? date : undefined;
}

/** A valid PaperMeta, or null when it has no usable title. Undefined fields are dropped. */
export function cleanMeta(meta: PaperMeta): PaperMeta | null {
  const title = clip(cleanText(meta.title), LIMITS.title);
  if (!title) return null;
  const cleaned: PaperMeta = {
    id: meta.id,
    title,
    authors: meta.authors
      ?.map((name) => clip(cleanText(name), LIMITS.author))
      .filter(Boolean)
      .slice(0, LIMITS.authors),
    summary: meta.summary === undefined ? undefined : clip(meta.summary.trim(), LIMITS.summary),
    aiSummary:
      meta.aiSummary === undefined ? undefined : clip(meta.aiSummary.trim(), LIMITS.summary),
    publishedAt: cleanDate(meta.publishedAt),
    upvotes: cleanCount(meta.upvotes),
    numComments: cleanCount(meta.numComments),
    thumbnail: cleanUrl(meta.thumbnail),
    githubRepo: cleanUrl(meta.githubRepo),
    organization:
      meta.organization === undefined
        ? undefined
        : clip(cleanText(meta.organization), LIMITS.organization) || undefined,
  };
  for (const key of Object.keys(cleaned) as (keyof PaperMeta)[]) {
    if (cleaned[key] === undefined) delete cleaned[key];
  }
  return cleaned;
}
