/**
 * User settings, kept in `storage.local` (not the database) because content scripts must read
 * them directly and hear changes at once. Reading is lenient: a missing or malformed field
 * falls back to its default, so a bad value can never break a page.
 */
import browser from 'webextension-polyfill';
import { NO_RULES, type Rules, readRules } from './rules';

/** `hide-seen` hides read papers and those seen before this page view (auto-seen). */
export type HideMode = 'show' | 'dim' | 'hide' | 'hide-seen';

export interface Settings {
  /** How the listing shows papers already read. */
  hideMode: HideMode;
  /** Keyboard triage on the listing (j/k/s/r/o/u/?). */
  keyboard: boolean;
  /** Opening a paper's own page marks it read. */
  markReadOnOpen: boolean;
  /** Decisions travel to the user's other browsers through the browser's own sync. */
  sync: boolean;
  /** Mute and highlight rules for the listing (src/shared/rules.ts). */
  rules: Rules;
  /**
   * A card counts as seen only once it stayed fully in view for `seenAfterSeconds` (off: a
   * card counts as seen when it was on a listing you opened). Seeing never marks read.
   */
  autoSeen: boolean;
  seenAfterSeconds: number;
}

/** The shortest and longest time in view that auto-seen accepts, in seconds. */
export const SEEN_AFTER_LIMITS = { min: 1, max: 60 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hideMode: 'hide',
  keyboard: true,
  markReadOnOpen: false,
  sync: true,
  rules: NO_RULES,
  autoSeen: false,
  seenAfterSeconds: 3,
});

export const SETTINGS_KEY = 'paperQueue.settings';

const HIDE_MODES: readonly HideMode[] = ['show', 'dim', 'hide', 'hide-seen'];

export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const bool = (key: 'keyboard' | 'markReadOnOpen' | 'sync' | 'autoSeen') =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : DEFAULT_SETTINGS[key];
  const seconds = value.seenAfterSeconds;
  return {
    hideMode: HIDE_MODES.includes(value.hideMode as HideMode)
      ? (value.hideMode as HideMode)
      : DEFAULT_SETTINGS.hideMode,
    keyboard: bool('keyboard'),
    markReadOnOpen: bool('markReadOnOpen'),
    sync: bool('sync'),
    rules: value.rules === undefined ? DEFAULT_SETTINGS.rules : readRules(value.rules),
    autoSeen: bool('autoSeen'),
    seenAfterSeconds:
      typeof seconds === 'number' &&
      Number.isInteger(seconds) &&
      seconds >= SEEN_AFTER_LIMITS.min &&
      seconds <= SEEN_AFTER_LIMITS.max
        ? seconds
        : DEFAULT_SETTINGS.seenAfterSeconds,
  };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever any context changes them. */
export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal) {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
    }
  };
  browser.storage.onChanged.addListener(handle);
  signal.addEventListener('abort', () => {
    try {
      browser.storage.onChanged.removeListener(handle);
    } catch {
      // The extension context is gone (orphaned script): nothing left to remove.
    }
  });
}
