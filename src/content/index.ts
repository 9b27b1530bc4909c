/**
 * Content script entry on https://huggingface.co/papers*. Never opens the database (it would
 * be huggingface.co's): everything goes through the background's message protocol.
 */
import browser from 'webextension-polyfill';
import { CHANGE_STORAGE_KEY, type ChangeNotice } from '../shared/change-notice';
import { sendRequest } from '../shared/messaging';
import type { StateMap } from '../shared/model';
import { decorateListing } from './decorate-listing';

/** Set on <html> by the script instance that owns the page; a newer instance takes over. */
const RUN_ATTRIBUTE = 'data-paper-queue-run';

function isContextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function subscribeToChanges(listener: (states: StateMap) => void, signal: AbortSignal) {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const notice = changes[CHANGE_STORAGE_KEY]?.newValue as ChangeNotice | undefined;
    if (area === 'local' && notice?.states) listener(notice.states);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    if (isContextAlive()) browser.storage.onChanged.removeListener(onChanged);
  });
}

function start() {
  const runId = crypto.randomUUID();
  const root = document.documentElement;
  root.setAttribute(RUN_ATTRIBUTE, runId);
  const page = decorateListing(document, {
    send: sendRequest,
    subscribeToChanges,
    // An instance that lost the page to a newer one (double injection) counts as dead too.
    isContextAlive: () => isContextAlive() && root.getAttribute(RUN_ATTRIBUTE) === runId,
  });
  return page;
}

start();
