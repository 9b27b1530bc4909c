// One Chromium with the built extension and the saved pages, for an end-to-end test file.
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { serveHuggingFace } from './huggingface-routes.mjs';
import { launchWithExtension } from './launch-chromium.mjs';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, for asking the browser what the extension sees. */
  worker: Worker;
  /** Opens a huggingface.co URL (served from the fixtures) and waits for the controls. */
  openSite: (path: string) => Promise<Page>;
  /** Opens the popup's page in a tab, as the toolbar button would show it. */
  openPopup: () => Promise<Page>;
  /** Changes the user's settings as the library page would (all tabs follow). */
  setSettings: (patch: Record<string, unknown>) => Promise<void>;
  close: () => Promise<void>;
}

export async function startSession(
  pages?: Record<string, string | (() => string)>,
  options: { downloadsDir?: string } = {},
): Promise<ExtensionSession> {
  const { context, extensionId, worker, close } = await launchWithExtension(options);
  await serveHuggingFace(context, { pages });
  return {
    context,
    extensionId,
    worker,
    close,
    openSite: async (path) => {
      const page = await context.newPage();
      await page.goto(`https://huggingface.co${path}`);
      await page.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
      return page;
    },
    setSettings: async (patch) => {
      await worker.evaluate(async (p) => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            storage: {
              local: {
                get: (k: string) => Promise<Record<string, object>>;
                set: (i: object) => Promise<void>;
              };
            };
          };
        };
        const key = 'paperQueue.settings';
        const current = (await chrome.storage.local.get(key))[key] ?? {};
        await chrome.storage.local.set({ [key]: { ...current, ...p } });
      }, patch);
    },
    openPopup: async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
      await page.locator('main.popup').waitFor();
      return page;
    },
  };
}

/** Every control host of one paper (a 2026 card has two: desktop and mobile). */
export const controlsOf = (page: Page, id: string): Locator =>
  page.locator(`[data-paper-queue-id="${id}"]`);

export const saveButton = (host: Locator) => host.getByRole('button', { name: /save/i });
export const readButton = (host: Locator) => host.getByRole('button', { name: /read/i });

/** Polls until `check` passes or the time is up; returns the last error otherwise. */
export async function eventually(check: () => Promise<void>, timeoutMs = 1000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - start;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
