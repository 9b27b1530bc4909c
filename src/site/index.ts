/** The sites the content script decorates, by the page it runs in. */

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
  return null;
}
