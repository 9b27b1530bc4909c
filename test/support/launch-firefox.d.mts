import type { Browser } from 'puppeteer-core';

export const GECKO_ID: string;
export const INTERNAL_UUID: string;
export function firefoxPath(): string;
export function launchFirefoxWithExtension(options?: {
  extensionDir?: string;
  prefs?: Record<string, unknown>;
}): Promise<{
  browser: Browser;
  /** moz-extension://<internal UUID>/ */
  extensionBase: string;
  close: () => Promise<void>;
}>;
