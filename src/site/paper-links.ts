/**
 * The paper a link or id names, on any site we know: a bare arXiv id (`2407.21783`,
 * `arXiv:2407.21783v2`), a Hugging Face paper page, an arXiv abstract or PDF, or an alphaXiv
 * paper page. Used by imports; the identity is always the arXiv id without its version
 * (paper-id.ts).
 */
import { normalizePaperId } from './paper-id';

/** Paper pages by host: the path's first group is the paper id. */
const PAPER_PATHS: Record<string, RegExp> = {
  'huggingface.co': /^\/papers\/([^/]+?)\/?$/,
  'arxiv.org': /^\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/,
  'alphaxiv.org': /^\/abs\/(.+?)\/?$/,
};

export function paperIdFromLink(text: string): string | null {
  const bare = normalizePaperId(text.replace(/^arxiv:\s*/i, ''));
  if (bare) return bare;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const pattern = PAPER_PATHS[url.hostname.replace(/^www\./, '')];
  const match = pattern?.exec(url.pathname);
  return match?.[1] ? normalizePaperId(decodeURIComponent(match[1])) : null;
}
