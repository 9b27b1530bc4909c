import type { BrowserContext, Worker } from 'playwright-core';

export function extensionDiagnostics(
  context: BrowserContext,
  name: string,
): Promise<{ installWarnings: string[]; manifestErrors: string[]; runtimeErrors: string[] }>;

export function reloadExtension(context: BrowserContext, worker: Worker): Promise<Worker>;
