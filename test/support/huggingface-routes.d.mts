import type { BrowserContext } from 'playwright-core';

export const FIXTURES: string;
export const PAGES: Record<string, string>;
export function serveHuggingFace(
  context: BrowserContext,
  options?: { styled?: boolean; pages?: Record<string, string | (() => string)> },
): Promise<void>;
