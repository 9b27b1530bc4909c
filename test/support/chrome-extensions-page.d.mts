import type { BrowserContext } from 'playwright-core';

export function extensionDiagnostics(
  context: BrowserContext,
  name: string,
): Promise<{ installWarnings: string[]; manifestErrors: string[]; runtimeErrors: string[] }>;
