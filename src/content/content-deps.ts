/**
 * The browser, as the content script's logic sees it: everything comes in through these
 * functions, so the whole flow runs under unit tests too (test/support/fake-background.ts).
 */
import type { RequestOf, RequestType, Responses } from '../shared/messages';
import type { PageStatus } from '../shared/page-status';
import type { HideMode } from '../shared/settings';

export type ContentSend = <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;

export type StorageChanges = Record<string, { newValue?: unknown }>;

export interface ContentDeps {
  send: ContentSend;
  /** False once the extension was reloaded or updated under this (orphaned) script. */
  isContextAlive: () => boolean;
  /** Stores the hide mode the user picked on the listing bar (all tabs follow). */
  saveHideMode: (mode: HideMode) => void;
  /** Answers the popup's "what is on this page?" with `status()`. */
  answerStatus: (status: () => PageStatus, signal: AbortSignal) => void;
  warn: (message: string) => void;
  /** Everything in storage.local (settings, the mark index, the outbox), read once at start. */
  readStorage: () => Promise<Record<string, unknown>>;
  /** Calls `listener` with every change to storage.local until `signal` aborts. */
  watchStorage: (listener: (changes: StorageChanges) => void, signal: AbortSignal) => void;
  writeStorage: (items: Record<string, unknown>) => Promise<void>;
  removeStorage: (keys: string[]) => Promise<void>;
  /** This script instance's id (outbox keys are made of it). */
  runId: string;
}
