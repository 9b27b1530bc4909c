/**
 * Background entry: Chrome runs it as a service worker, Firefox as an event page. Either can
 * be stopped when idle, so it keeps no state in globals that the database does not also hold,
 * and registers its listeners synchronously at the top level so a wake-up event finds them.
 */
import browser from 'webextension-polyfill';
import { openDatabase, type PaperQueueDB } from '../db/database';
import { loadSettings } from '../shared/settings';
import { announceChange } from './announce';
import { handleMessage } from './router';

let db: PaperQueueDB | undefined;

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, sender, {
    db: () => {
      db ??= openDatabase();
      return db;
    },
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    announce: announceChange,
    markReadOnOpen: async () => (await loadSettings()).markReadOnOpen,
  }),
);
