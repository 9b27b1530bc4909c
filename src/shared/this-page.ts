/**
 * What the toolbar, the popup and the side panel know about the page in a tab, and what the
 * Sites section knows about each optional site. The page's own content script says which paper
 * it shows (`tab.showing`), so no `tabs` permission is needed; the background keeps it per tab
 * in `storage.session` (src/background/tab-papers.ts), where extension pages hear it change.
 */
import type { OptionalSiteKey } from '../site/optional-sites';
import type { MarkState, PaperMeta } from './model';

/** A tab's record in `storage.session`, under `TAB_KEY_PREFIX + tabId`. */
export interface TabRecord {
  tabId: number;
  /** The page's URL when its content script reported it. */
  url: string;
  /** The paper the page shows (a paper's own page only). */
  id: string;
  /** What the page said about the paper, for a page whose paper the database does not know. */
  paper?: PaperMeta;
}

export const TAB_KEY_PREFIX = 'paperQueue.tab.';
export const tabKey = (tabId: number) => `${TAB_KEY_PREFIX}${tabId}`;

/** The answer to `tab.paper`: the paper a tab shows, as the database knows it, and its state. */
export interface ThisPage {
  tabId: number;
  url: string;
  paper: PaperMeta;
  state: MarkState;
}

/** One optional site (src/site/optional-sites.ts) as `sites.status` finds it. */
export interface SiteStatus {
  key: OptionalSiteKey;
  /** The user granted the site's host permission (all or some of its origins). */
  granted: boolean;
  /** The content script is registered for it (true exactly when granted, after a sync). */
  registered: boolean;
}
