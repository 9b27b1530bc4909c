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

/** After every committed change: tell the open tabs, then bring the badge up to date. */
async function announce(states: StateMap): Promise<void> {
  await announceChange(states);
  await refreshBadge(database());
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
  });
});

// The badge is not persisted by the browser across restarts: recompute it on every start.
const showBadge = () => quietly(refreshBadge(database()));
browser.runtime.onStartup.addListener(showBadge);
browser.runtime.onInstalled.addListener(showBadge);
showBadge();

// Start-up: saved papers still without authors (a save or import the worker did not finish).
dailySnapshot();
quietly(fetchMissingMetadata());
globalThis.addEventListener?.('online', () => quietly(fetchMissingMetadata()));
