/**
 * Background entry: Chrome runs it as a service worker, Firefox as an event page. Either can
 * be stopped when idle, so it keeps no state in globals that the database does not also hold,
 * and registers its listeners synchronously at the top level so a wake-up event finds them.
 */
import browser from 'webextension-polyfill';
import { openDatabase, type PaperQueueDB } from '../db/database';
import { ensureDailySnapshot } from '../db/snapshots';
import { announceChange } from './announce';
import { downloadTextFile } from './download';
import { createMetadataQueue } from './metadata/start-fetching';
import { handleMessage } from './router';

let db: PaperQueueDB | undefined;
const database = () => {
  db ??= openDatabase();
  return db;
};

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

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  dailySnapshot();
  return handleMessage(message, sender, {
    db: database,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    announce: announceChange,
    download: downloadTextFile,
    fetchMetadata: (ids) => quietly(fetchMissingMetadata(ids)),
  });
});

// Start-up: saved papers still without authors (a save or import the worker did not finish).
dailySnapshot();
quietly(fetchMissingMetadata());
globalThis.addEventListener?.('online', () => quietly(fetchMissingMetadata()));
