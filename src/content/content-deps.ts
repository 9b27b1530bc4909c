/**
 * The browser, as the content script's logic sees it: everything comes in through these
 * functions, so the whole flow runs under unit tests too (test/support/fake-background.ts).
 */
import type { RequestOf, RequestType, Responses } from '../shared/messages';
import type { StateMap } from '../shared/model';
import type { PageStatus } from '../shared/page-status';
import type { HideMode, Settings } from '../shared/settings';

export type ContentSend = <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;

export interface ContentDeps {
  send: ContentSend;
  /** False once the extension was reloaded or updated under this (orphaned) script. */
  isContextAlive: () => boolean;
  /** Stores the hide mode the user picked on the listing bar (all tabs follow). */
  saveHideMode: (mode: HideMode) => void;
  /** Calls `listener` with the states of papers another context changed. */
  subscribeToChanges: (listener: (states: StateMap) => void, signal: AbortSignal) => void;
  /** Answers the popup's "what is on this page?" with `status()`. */
  answerStatus: (status: () => PageStatus, signal: AbortSignal) => void;
  warn: (message: string) => void;
  /** Calls `listener` with the user's settings once loaded, then after every change. */
  watchSettings: (listener: (settings: Settings) => void, signal: AbortSignal) => void;
}
