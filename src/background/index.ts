/**
 * Background entry: Chrome runs it as a service worker, Firefox as an event page. Either can
 * be stopped when idle, so it keeps no state in globals that the database (or storage.local)
 * does not also hold, and registers its listeners synchronously at the top level so a
 * wake-up event finds them.
 *
 *   message ──▶ router ──▶ Dexie (commit) ──▶ announce: mark index (storage.local), badge,
 *                                                      toolbar icons, other browsers (sync)
 *   outbox entry (storage.local) ──▶ drain ──▶ Dexie (commit) ──▶ announce ──▶ entry removed
 *   storage.sync (another browser) ──▶ sync engine ──▶ Dexie (commit) ──▶ index, badge
 */
import browser from 'webextension-polyfill';
import { openDatabase, type PaperQueueDB } from '../db/database';
import { ensureDailySnapshot } from '../db/snapshots';
import type { StateMap } from '../shared/model';
import { isOutboxKey } from '../shared/outbox';
import { loadSettings, parseSettings, SETTINGS_KEY, saveSettings } from '../shared/settings';
import { refreshBadge } from './badge';
import { downloadTextFile } from './download';
import { cancelJob, startJob } from './jobs';
import { serially, syncIndex } from './mark-index';
import { createMetadataQueue } from './metadata/start-fetching';
import { drainOutbox } from './outbox';
import { handleMessage } from './router';
import { rememberSeen } from './seen';
import { siteRefusal } from './sender';
import { createSiteScripts, originGranted, type SiteScriptDeps } from './site-scripts';
import { leaveSync, startSync } from './sync/start-sync';
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

/** Index updates and outbox drains, one at a time, in the order they were asked for. */
const inTurn = serially();
/** Writes of the seen record, one at a time (each reads the last one's result). */
const seenInTurn = serially();

/**
 * After every committed change: the mark index (every tab's news, and the truth pages read
 * at their first paint), then the badge and the tabs' toolbar icons. The index is read back
 * from the database, so it also catches up on any update a stopped worker lost. Then the
 * user's other browsers.
 */
async function announce(states: StateMap): Promise<void> {
  await syncIndex(database());
  await refreshBadge(database());
  await tabPapers.changed(states, titleOf).catch(() => {});
  sync.localChanged();
}

const sync = startSync({
  db: database,
  announce: () =>
    inTurn(async () => {
      await syncIndex(database());
      await refreshBadge(database());
    }),
  fetchMetadata: (ids) => quietly(fetchMissingMetadata(ids)),
});

const drain = () =>
  inTurn(async () => {
    const drained = await drainOutbox(database(), Date.now(), announce, {
      refusal: (page) => siteRefusal(page, (url) => originGranted(siteDeps, url)),
    });
    if (drained.newlySaved.length > 0) quietly(fetchMissingMetadata(drained.newlySaved));
    return drained;
  });

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  dailySnapshot();
  return handleMessage(message, sender, {
    db: database,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    announce: (states) => inTurn(() => announce(states)),
    markReadOnOpen: async () => (await loadSettings()).markReadOnOpen,
    download: downloadTextFile,
    fetchMetadata: (ids) => quietly(fetchMissingMetadata(ids)),
    siteGranted: (url) => originGranted(siteDeps, url),
    tabs: tabPapers,
    sites: syncSites,
    drainOutbox: drain,
    rememberSeen: (ids, now) => seenInTurn(() => rememberSeen(ids, now)),
    startJob,
    cancelJob,
    rules: {
      load: async () => (await loadSettings()).rules,
      save: async (rules) => void (await saveSettings({ rules })),
    },
  });
});

// A page wrote a decision to the outbox: apply it now, whether or not its message arrives.
// Another device's decisions arrived (storage.sync): merge them. Sync turned on or off.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync') {
    sync.remoteChanged();
    return;
  }
  if (area !== 'local') return;
  const settings = changes[SETTINGS_KEY];
  if (settings) {
    const was = parseSettings(settings.oldValue).sync;
    const now = parseSettings(settings.newValue).sync;
    if (was && !now) quietly(leaveSync());
    if (!was && now) quietly(sync.start());
  }
  const added = Object.entries(changes).some(
    ([key, change]) =>
      isOutboxKey(key) && change.newValue && !(change.newValue as { failed?: string }).failed,
  );
  if (added) quietly(drain());
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

// Start-up: the granted sites' scripts (a restart or an update may have dropped them), the
// index catches up (or is built, after an install or update), the outbox is applied, the
// other browsers are heard and told, and saved papers still without authors are looked up.
quietly(syncSites());
quietly(inTurn(() => syncIndex(database())));
quietly(drain());
quietly(sync.start());
dailySnapshot();
quietly(fetchMissingMetadata());
globalThis.addEventListener?.('online', () => quietly(fetchMissingMetadata()));
