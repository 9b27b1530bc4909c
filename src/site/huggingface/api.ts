/**
 * Hugging Face's public paper API, `GET https://huggingface.co/api/papers/<arXiv id>`: the
 * one API request this extension makes, to learn authors for citations. Field names as
 * in huggingface_hub's `PaperInfo`. Only what we store is read; the rest is ignored.
 */
import * as v from 'valibot';
import { LIMITS } from '../../shared/limits';
import type { FetchedPaper } from '../../shared/model';
import { SITE_ORIGIN } from './urls';

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
