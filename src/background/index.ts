/**
 * Background entry: Chrome runs it as a service worker, Firefox as an event page. Either can
 * be stopped when idle, so it keeps no state in globals that the database does not also hold,
 * and registers its listeners synchronously at the top level so a wake-up event finds them.
 */
import browser from 'webextension-polyfill';
import { openDatabase, type PaperQueueDB } from '../db/database';
import { ensureDailySnapshot } from '../db/snapshots';
import type { StateMap } from '../shared/model';
import { loadSettings } from '../shared/settings';
import { announceChange } from './announce';
import { refreshBadge } from './badge';
import { downloadTextFile } from './download';
import { createMetadataQueue } from './metadata/start-fetching';
import { handleMessage } from './router';
import { createSiteScripts, originGranted, type SiteScriptDeps } from './site-scripts';
import { createTabPapers } from './tab-papers';

let opened: PaperQueueDB | undefined;
function database(): PaperQueueDB {
  opened ??= openDatabase();
  return opened;
}

const fetchMissingMetadata = createMetadataQueue(database);
// Background work must never surface as an error in a caller; it is retried next start-up.
const quietly = (work: Promise<unknown>) => void work.catch(() => {});

/** Once per wake-up at most: takes today's snapshot if there is none yet. */
let snapshotChecked = '';
function dailySnapshot() {
  const today = new Date().toDateString();
  if (snapshotChecked === today) return;
  snapshotChecked = today;
  quietly(ensureDailySnapshot(database()));
}

// The sites the user turned on: the content script follows their host permissions.
const siteDeps: SiteScriptDeps = {
  permissions: browser.permissions,
  scripting: browser.scripting as unknown as SiteScriptDeps['scripting'],
  contentScript: () => browser.runtime.getManifest().content_scripts?.[0],
};
const siteScripts = createSiteScripts(siteDeps);
const syncSites = () => siteScripts.sync();

// Each tab's paper, on its toolbar icon and title.
const manifestIcon = browser.runtime.getManifest().action?.default_icon;
const tabPapers = createTabPapers({
  session: browser.storage.session as unknown as Parameters<typeof createTabPapers>[0]['session'],
  action: browser.action,
  tabUrl: (tabId) =>
    browser.tabs.get(tabId).then(
      (tab) => tab.url,
      () => null,
    ),
  name: browser.i18n.getMessage('extensionName') || 'Paper Queue',
  defaultIcon: typeof manifestIcon === 'object' ? (manifestIcon as Record<string, string>) : {},
});
const titleOf = async (id: string) => (await database().papers.get(id))?.title ?? id;

/** After every committed change: tell the open tabs, then bring the badge and icons up to date. */
async function announce(states: StateMap): Promise<void> {
  await announceChange(states);
  await refreshBadge(database());
  await tabPapers.changed(states, titleOf).catch(() => {});
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  dailySnapshot();
  return handleMessage(message, sender, {
    db: database,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    announce,
    markReadOnOpen: async () => (await loadSettings()).markReadOnOpen,
    download: downloadTextFile,
    fetchMetadata: (ids) => quietly(fetchMissingMetadata(ids)),
    siteGranted: (url) => originGranted(siteDeps, url),
    tabs: tabPapers,
    sites: syncSites,
  });
});

// A site granted or withdrawn (from the library, the popup, or the browser's own settings).
browser.permissions.onAdded.addListener(() => quietly(syncSites()));
browser.permissions.onRemoved.addListener(() => quietly(syncSites()));
// No tabs.onUpdated or tabs.onRemoved: they would wake the worker for every page load and
// every closed tab in the browser. A page says when it is left; a record of a closed tab, or
// of a page the tab has left, is dropped the next time it is looked at (tab-papers.ts).

// The badge is not persisted by the browser across restarts: recompute it on every start.
const showBadge = () => quietly(refreshBadge(database()));
browser.runtime.onStartup.addListener(showBadge);
browser.runtime.onInstalled.addListener(showBadge);
showBadge();

// Start-up: the granted sites' scripts (a restart or an update may have dropped them), and
// saved papers still without authors (a save or import the worker did not finish).
quietly(syncSites());
dailySnapshot();
quietly(fetchMissingMetadata());
globalThis.addEventListener?.('online', () => quietly(fetchMissingMetadata()));
