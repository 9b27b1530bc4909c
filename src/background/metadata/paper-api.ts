/**
 * Hugging Face's public paper API, `GET https://huggingface.co/api/papers/<arXiv id>`: the
 * one network request this extension makes, to learn authors for citations. Field names as
 * in huggingface_hub's `PaperInfo`. Only what we store is read; the rest is ignored.
 */
import * as v from 'valibot';
import type { FetchedPaper } from '../../db/enrichment';
import { LIMITS } from '../../shared/limits';
import { SITE_ORIGIN } from '../../shared/site';

export function paperApiUrl(id: string): string {
  return `${SITE_ORIGIN}/api/papers/${encodeURIComponent(id)}`;
}

const ApiPaperSchema = v.object({
  id: v.string(),
  title: v.optional(v.string()),
  summary: v.optional(v.string()),
  publishedAt: v.optional(v.string()),
  authors: v.optional(
    v.array(v.object({ name: v.optional(v.string()), hidden: v.optional(v.boolean()) })),
  ),
});

const tidy = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** Reads an API answer for `id`, or null when it is not one (or about another paper). */
export function readApiPaper(id: string, body: unknown): FetchedPaper | null {
  const parsed = v.safeParse(ApiPaperSchema, body);
  if (!parsed.success || parsed.output.id !== id) return null;
  const { title, summary, publishedAt, authors = [] } = parsed.output;
  const fetched: FetchedPaper = {
    id,
    authors: authors
      .filter((a) => a.hidden !== true && a.name)
      .map((a) => tidy(a.name as string, LIMITS.author))
      .filter(Boolean)
      .slice(0, LIMITS.authors),
  };
  const cleanTitle = title ? tidy(title, LIMITS.title) : '';
  if (cleanTitle) fetched.title = cleanTitle;
  if (summary?.trim()) fetched.summary = summary.trim().slice(0, LIMITS.summary);
  if (publishedAt && publishedAt.length <= 40 && !Number.isNaN(Date.parse(publishedAt))) {
    fetched.publishedAt = publishedAt;
  }
  return fetched;
}

/**
 * How long a 429 or 503 asks us to wait: `Retry-After` in seconds or as an HTTP date.
 * Null when the header is missing or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
