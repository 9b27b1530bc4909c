/**
 * Content script entry, run at document_start on https://huggingface.co/papers*. Never opens
 * the database (it would be huggingface.co's): it reads what the background publishes in
 * storage.local (settings, the mark index), writes its decisions to the outbox there, and
 * talks to the background through the message protocol. Nothing on the page waits for the
 * background: the first thing it does is read storage.local, which the browser serves.
 */
import browser from 'webextension-polyfill';
import { sendRequest } from '../shared/messaging';
import type { PageStatus } from '../shared/page-status';
import { PAGE_STATUS_REQUEST } from '../shared/page-status';
import { saveSettings } from '../shared/settings';
import { startContentApp } from './content-app';
import type { StorageChanges } from './content-deps';
import { countMessage } from './diagnostics';

/** Set on <html> by the script instance that owns the page; a newer instance takes over. */
const RUN_ATTRIBUTE = 'data-paper-queue-run';
const runId = crypto.randomUUID();

function isContextAlive(): boolean {
  try {
    return (
      Boolean(browser.runtime?.id) && document.documentElement.getAttribute(RUN_ATTRIBUTE) === runId
    );
  } catch {
    return false;
  }
}

/** Removes a listener unless the context is already gone (then there is nothing to remove). */
function removeOnAbort(signal: AbortSignal, remove: () => void) {
  signal.addEventListener('abort', () => {
    try {
      remove();
    } catch {
      // Orphaned: the extension API is gone with its listeners.
    }
  });
}

function watchStorage(listener: (changes: StorageChanges) => void, signal: AbortSignal) {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local') listener(changes);
  };
  browser.storage.onChanged.addListener(onChanged);
  removeOnAbort(signal, () => browser.storage.onChanged.removeListener(onChanged));
}

function answerStatus(status: () => PageStatus, signal: AbortSignal) {
  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
    const isStatusQuery =
      sender.id === browser.runtime.id &&
      typeof message === 'object' &&
      message !== null &&
      (message as { type?: unknown }).type === PAGE_STATUS_REQUEST;
    return isStatusQuery ? Promise.resolve(status()) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  removeOnAbort(signal, () => browser.runtime.onMessage.removeListener(onMessage));
}

document.documentElement.setAttribute(RUN_ATTRIBUTE, runId);
startContentApp(window, {
  send: (request) => {
    countMessage();
    return sendRequest(request);
  },
  isContextAlive,
  answerStatus,
  warn: (message) => console.warn(message),
  saveHideMode: (hideMode) => void saveSettings({ hideMode }).catch(() => {}),
  readStorage: () => browser.storage.local.get(null),
  watchStorage,
  writeStorage: (items) => browser.storage.local.set(items),
  removeStorage: (keys) => browser.storage.local.remove(keys),
  runId,
});
