/**
 * alphaXiv's addresses. What we know of alphaXiv is kept to the least that can be relied on:
 * a paper's page is `/abs/<arXiv id>` (with or without a version), so the URL alone says which
 * paper it is. alphaXiv also addresses papers by an internal UUID (`/abs/0185fbae-…`, in the
 * excerpt's JSON-LD): such pages are not recognized. See README, "How sure we are about alphaXiv".
 */
import { paperIdFromAbsPath } from '../arxiv/urls';

export const ALPHAXIV_ORIGINS = ['https://www.alphaxiv.org', 'https://alphaxiv.org'];

/** The host permissions the user grants when turning alphaXiv on. */
export const ALPHAXIV_PERMISSION_ORIGINS = ALPHAXIV_ORIGINS.map((origin) => `${origin}/*`);

/**
 * Where the content script is registered once alphaXiv is granted: every page, since it is
 * a single-page app that can move to a paper without a page load (the script then finds it,
 * as it does on Hugging Face); on any other page it does nothing.
 */
export const ALPHAXIV_CONTENT_MATCHES = ALPHAXIV_PERMISSION_ORIGINS;

/** The arXiv id of an alphaXiv paper page URL, or null for every other page. */
export function alphaxivPaperId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALPHAXIV_ORIGINS.includes(parsed.origin)) return null;
  return paperIdFromAbsPath(parsed.pathname);
}
