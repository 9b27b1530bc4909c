import type { BrowserContext, Worker } from 'playwright-core';

export function chromePath(): string;
export function launchWithExtension(options?: {
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  downloadsDir?: string;
}): Promise<{
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close: () => Promise<void>;
  userDataDir: string;
}>;
