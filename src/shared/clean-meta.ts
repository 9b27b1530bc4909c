/**
 * Brings metadata read from a page within the protocol's limits, so one odd card can never
 * get a whole batch refused by the background. Drops what cannot be fixed. Site-relative
 * URLs must be made absolute by the site module first: only https:// URLs are kept.
 */
import { LIMITS } from './limits';
import type { PaperMeta } from './model';
import { cleanText } from './text';

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function cleanUrl(url: string | undefined): string | undefined {
  return url?.startsWith('https://') && url.length <= LIMITS.url ? url : undefined;
}

const cleanCount = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;

function cleanDate(date: string | undefined): string | undefined {
  return date && date.length <= 40 && !Number.isNaN(Date.parse(date)) ? date : undefined;
}

/** A valid PaperMeta, or null when it has no usable title. Undefined fields are left out. */
export function cleanMeta(meta: PaperMeta): PaperMeta | null {
  const title = clip(cleanText(meta.title), LIMITS.title);
  if (!title) return null;
  const cleaned: PaperMeta = { id: meta.id, title };
  // Only fields that have a value are added (`delete` would make every object slow to send).
  const set = <K extends keyof PaperMeta>(key: K, value: PaperMeta[K] | undefined) => {
    if (value !== undefined) cleaned[key] = value;
  };
  set(
    'authors',
    meta.authors
      ?.map((name) => clip(cleanText(name), LIMITS.author))
      .filter(Boolean)
      .slice(0, LIMITS.authors),
  );
  if (meta.summary !== undefined) set('summary', clip(meta.summary.trim(), LIMITS.summary));
  if (meta.aiSummary !== undefined) set('aiSummary', clip(meta.aiSummary.trim(), LIMITS.summary));
  set('publishedAt', cleanDate(meta.publishedAt));
  set('upvotes', cleanCount(meta.upvotes));
  set('numComments', cleanCount(meta.numComments));
  set('thumbnail', cleanUrl(meta.thumbnail));
  set('githubRepo', cleanUrl(meta.githubRepo));
  if (meta.organization !== undefined) {
    set('organization', clip(cleanText(meta.organization), LIMITS.organization) || undefined);
  }
  return cleaned;
}
