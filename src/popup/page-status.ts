/**
 * Asks the content script in the current tab what it recognized, for the drift alarm.
 * `?tab=<id>` in the popup's URL names the tab instead (the library page and tests use it).
 */
import browser from 'webextension-polyfill';
import { PAGE_STATUS_REQUEST, type PageStatus } from '../shared/page-status';
import { isSiteUrl } from '../site/huggingface/urls';
import { optionalSiteOf } from '../site/optional-sites';

async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const decorated = isSiteUrl(tab?.url) || optionalSiteOf(tab?.url) !== null;
  return tab?.id !== undefined && decorated ? tab.id : undefined;
}

/** The page's status, or null when the tab is not a papers page or does not answer. */
export async function queryPageStatus(): Promise<PageStatus | null> {
  try {
    const tabId = await targetTabId();
    if (tabId === undefined) return null;
    const status = (await browser.tabs.sendMessage(tabId, {
      type: PAGE_STATUS_REQUEST,
    })) as PageStatus;
    return status && typeof status.expected === 'number' ? status : null;
  } catch {
    return null; // no content script there (another site, or a tab opened before install)
  }
}
