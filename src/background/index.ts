/**
 * Background entry: Chrome runs it as a service worker, Firefox as an event page. Either can
 * be stopped when idle, so it keeps no state in globals that the database does not also hold,
 * and registers its listeners synchronously at the top level so a wake-up event finds them.
 */
import browser from 'webextension-polyfill';
import { openDatabase, type PaperQueueDB } from '../db/database';
import type { StateMap } from '../shared/model';
import { loadSettings } from '../shared/settings';
import { announceChange } from './announce';
import { refreshBadge } from './badge';
import { handleMessage } from './router';

let opened: PaperQueueDB | undefined;
function database(): PaperQueueDB {
  opened ??= openDatabase();
  return opened;
}

/** After every committed change: tell the open tabs, then bring the badge up to date. */
async function announce(states: StateMap): Promise<void> {
  await announceChange(states);
  await refreshBadge(database());
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, sender, {
    db: database,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    announce,
    markReadOnOpen: async () => (await loadSettings()).markReadOnOpen,
  }),
);

// The badge is not persisted by the browser across restarts: recompute it on every start.
const showBadge = () => void refreshBadge(database()).catch(() => {});
browser.runtime.onStartup.addListener(showBadge);
browser.runtime.onInstalled.addListener(showBadge);
showBadge();
