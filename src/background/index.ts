/**
 * Background entry: Chrome runs it as a service worker, Firefox as an event page. Either can
 * be stopped when idle, so it keeps no state in globals that the database (or storage.local)
 * does not also hold, and registers its listeners synchronously at the top level so a
 * wake-up event finds them.
 *
 *   message ──▶ router ──▶ Dexie (commit) ──▶ announce: mark index (storage.local) + badge
 *   outbox entry (storage.local) ──▶ drain ──▶ Dexie (commit) ──▶ announce ──▶ entry removed
 */
import browser from 'webextension-polyfill';
import { openDatabase, type PaperQueueDB } from '../db/database';
import { ensureDailySnapshot } from '../db/snapshots';
import { isOutboxKey } from '../shared/outbox';
import { loadSettings, saveSettings } from '../shared/settings';
import { refreshBadge } from './badge';
import { downloadTextFile } from './download';
import { cancelJob, startJob } from './jobs';
import { serially, syncIndex } from './mark-index';
import { createMetadataQueue } from './metadata/start-fetching';
import { drainOutbox } from './outbox';
import { handleMessage } from './router';
import { rememberSeen } from './seen';

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

/** Index updates and outbox drains, one at a time, in the order they were asked for. */
const inTurn = serially();
/** Writes of the seen record, one at a time (each reads the last one's result). */
const seenInTurn = serially();

/**
 * After every committed change: the mark index (every tab's news, and the truth pages read
 * at their first paint), then the badge. The index is read back from the database, so it
 * also catches up on any update a stopped worker lost.
 */
async function announce(): Promise<void> {
  await syncIndex(database());
  await refreshBadge(database());
}

const drain = () =>
  inTurn(async () => {
    const drained = await drainOutbox(database(), Date.now(), announce);
    if (drained.newlySaved.length > 0) quietly(fetchMissingMetadata(drained.newlySaved));
    return drained;
  });

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  dailySnapshot();
  return handleMessage(message, sender, {
    db: database,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    announce: () => inTurn(announce),
    markReadOnOpen: async () => (await loadSettings()).markReadOnOpen,
    download: downloadTextFile,
    fetchMetadata: (ids) => quietly(fetchMissingMetadata(ids)),
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
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  const added = Object.entries(changes).some(
    ([key, change]) =>
      isOutboxKey(key) && change.newValue && !(change.newValue as { failed?: string }).failed,
  );
  if (added) quietly(drain());
});

// The badge is not persisted by the browser across restarts: recompute it on every start.
const showBadge = () => quietly(refreshBadge(database()));
browser.runtime.onStartup.addListener(showBadge);
browser.runtime.onInstalled.addListener(showBadge);
showBadge();

// Start-up: the index catches up (or is built, after an install or update), the outbox is
// applied, and saved papers still without authors are looked up.
quietly(inTurn(() => syncIndex(database())));
quietly(drain());
dailySnapshot();
quietly(fetchMissingMetadata());
globalThis.addEventListener?.('online', () => quietly(fetchMissingMetadata()));
