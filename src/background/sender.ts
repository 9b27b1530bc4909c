/**
 * Who may talk to the background: this extension's own pages, and its content scripts
 * running in https://huggingface.co frames or on an optional site (arxiv.org, alphaxiv.org).
 * Everything else is refused before parsing. A content script on an optional site is then
 * accepted only while the user grants that site (the router asks, see `senderSite`).
 */
import { isSiteUrl } from '../site/huggingface/urls';
import { OPTIONAL_SITES, optionalSiteOf } from '../site/optional-sites';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

const SITES = ['huggingface.co', ...OPTIONAL_SITES.map((site) => site.host)].join(', ');

const pageUrl = (sender: SenderInfo) => sender.url ?? sender.tab?.url;

/** Why this sender is refused, or null when it may send requests. */
export function senderProblem(sender: SenderInfo, extensionId: string, extensionOrigin: string) {
  if (sender.id !== extensionId) return 'Refused: message from another extension';
  const url = pageUrl(sender);
  if (url?.startsWith(extensionOrigin)) return null;
  if (sender.tab && (isSiteUrl(url) || optionalSiteOf(url))) return null;
  return `Refused: message from a page other than ${SITES}`;
}

/**
 * Why a content script on the page at `url` may not change the queue now (its site is one
 * the user turned off since the page loaded), or null. Huggingface.co is always on.
 */
export async function siteRefusal(
  url: string,
  siteGranted: ((url: string) => Promise<boolean>) | undefined,
): Promise<string | null> {
  const site = optionalSiteOf(url);
  if (!site) return null;
  let granted = false;
  try {
    granted = (await siteGranted?.(url)) ?? false;
  } catch {
    granted = false;
  }
  return granted ? null : `Refused: ${site.host} is not turned on in Paper Queue`;
}

/** The optional site a content script's message comes from (its grant must be checked), or null. */
export function senderSite(
  sender: SenderInfo,
  extensionOrigin: string,
): { url: string; host: string } | null {
  const url = pageUrl(sender);
  if (!url || url.startsWith(extensionOrigin) || !sender.tab) return null;
  const site = optionalSiteOf(url);
  return site ? { url, host: site.host } : null;
}
