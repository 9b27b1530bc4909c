/**
 * Content script entry on https://huggingface.co/papers*. Never opens the database (it would
 * be huggingface.co's): everything goes through the background's message protocol.
 */
import browser from 'webextension-polyfill';
import { CHANGE_STORAGE_KEY, type ChangeNotice } from '../shared/change-notice';
import { sendRequest } from '../shared/messaging';
import type { StateMap } from '../shared/model';
import type { PageStatus } from '../shared/page-status';
import { PAGE_STATUS_REQUEST } from '../shared/page-status';
import { loadSettings, onSettingsChanged, type Settings, saveSettings } from '../shared/settings';
import { startContentApp } from './content-app';
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

function subscribeToChanges(listener: (states: StateMap) => void, signal: AbortSignal) {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const notice = changes[CHANGE_STORAGE_KEY]?.newValue as ChangeNotice | undefined;
    if (area === 'local' && notice?.states) listener(notice.states);
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

function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal) {
  onSettingsChanged(listener, signal);
  void loadSettings().then((settings) => {
    if (!signal.aborted) listener(settings);
  });
}

document.documentElement.setAttribute(RUN_ATTRIBUTE, runId);
startContentApp(window, {
  send: (request) => {
    countMessage();
    return sendRequest(request);
  },
  isContextAlive,
  subscribeToChanges,
  answerStatus,
  warn: (message) => console.warn(message),
  watchSettings,
  saveHideMode: (hideMode) => void saveSettings({ hideMode }).catch(() => {}),
});
