/** The sites the content script decorates, by the page it runs in. */

import { alphaxivPage } from './alphaxiv/page';
import { ALPHAXIV_ORIGINS } from './alphaxiv/urls';
import { arxivPage } from './arxiv/page';
import { ARXIV_ORIGIN } from './arxiv/urls';
import { huggingFacePage } from './huggingface/page';
import { SITE_ORIGIN as HUGGING_FACE } from './huggingface/urls';
import type { PageAdapter } from './page-adapter';

export type { CardCopy, PageAdapter } from './page-adapter';

/** The adapter for the page at `url`, or null when it is no page we decorate. */
export function pageAdapterFor(doc: Document, url: string): PageAdapter | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  if (origin === HUGGING_FACE) return huggingFacePage(doc, url);
  if (origin === ARXIV_ORIGIN) return arxivPage(doc, url);
  if (ALPHAXIV_ORIGINS.includes(origin)) return alphaxivPage(doc, url);
  return null;
}
