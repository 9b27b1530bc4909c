/**
 * The tab the popup or the side panel is about, and the browser calls behind "This page".
 * The popup is about the active tab of its window (`?tab=<id>` names another: tests use it);
 * the side panel follows whichever tab is active in its window. The URL is known only where
 * the extension may see it: a site it has permission for, or the tab the user opened the
 * popup on (activeTab), so a site that is not turned on yet can be offered.
 */
import browser from 'webextension-polyfill';
import { TAB_KEY_PREFIX } from '../shared/this-page';
import type { OptionalSite } from '../site/optional-sites';

export interface TabInfo {
  id: number;
  url?: string;
  windowId?: number;
}

export interface TabDeps {
  /** The tab to show, or null when there is none (a window without tabs, a closed tab). */
  currentTab: () => Promise<TabInfo | null>;
  /**
   * Calls `onChange` when what the page should show may have changed: another tab became
   * active (`follow` only), the tab loaded a page, or a content script reported its paper.
   */
  watch: (onChange: () => void, follow: boolean, signal: AbortSignal) => void;
  /** Asks the user for a site's host permission (call it straight from a click). */
  requestSite: (site: OptionalSite) => Promise<boolean>;
  reloadTab: (tabId: number) => Promise<void>;
}

const asInfo = (tab: browser.Tabs.Tab | undefined): TabInfo | null =>
  tab?.id === undefined ? null : { id: tab.id, url: tab.url, windowId: tab.windowId };

export const browserTabs: TabDeps = {
  currentTab: async () => {
    const named = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(named) && named > 0) {
      return browser.tabs.get(named).then(asInfo, () => null);
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return asInfo(tab);
  },
  watch: (onChange, follow, signal) => {
    const onActivated = () => onChange();
    const onUpdated = (_id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (change.status === 'complete') onChange();
    };
    const onStored = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && Object.keys(changes).some((k) => k.startsWith(TAB_KEY_PREFIX))) {
        onChange();
      }
    };
    if (follow) browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onStored);
    signal.addEventListener('abort', () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onStored);
    });
  },
  requestSite: (site) => browser.permissions.request({ origins: [...site.permissionOrigins] }),
  reloadTab: (tabId) => browser.tabs.reload(tabId),
};
