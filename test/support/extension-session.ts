// One Chromium with the built extension and the saved pages, for an end-to-end test file.
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { SiteRouteOptions } from './arxiv-routes.mjs';
import { reloadExtension } from './chrome-extensions-page.mjs';
import { serveHuggingFace } from './huggingface-routes.mjs';
import { launchWithExtension } from './launch-chromium.mjs';
import { useSession } from './use-session';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, for asking the browser what the extension sees. */
  worker: Worker;
  /** Opens a huggingface.co URL (served from the fixtures) and waits for the controls. */
  openSite: (path: string) => Promise<Page>;
  /** Opens any served URL (arXiv, alphaXiv too); waits for the controls unless told not to. */
  openPage: (url: string, options?: { controls?: boolean }) => Promise<Page>;
  /** Opens the popup's page in a tab, as the toolbar button would show it. */
  openPopup: () => Promise<Page>;
  /** Changes the user's settings as the library page would (all tabs follow). */
  setSettings: (patch: Record<string, unknown>) => Promise<void>;
  close: () => Promise<void>;
}

/** Pages served besides the saved ones, by path: the HTML, or a function that makes it. */
export type Pages = Record<string, string | (() => string)>;

export interface SessionOptions {
  /** The profile's download folder (see launchWithExtension). */
  downloadsDir?: string;
  /** Which build to load: dist/ (the default), or dist-test/ for the test hooks. */
  extensionDir?: string;
  /** Serve the pages with test/fixtures/site.css, the stand-in for the site's stylesheet. */
  styled?: boolean;
  /** arXiv and alphaXiv pages besides the saved ones, by origin and path (arxiv-routes.mjs). */
  sitePages?: SiteRouteOptions['sitePages'];
}

export async function startSession(
  pages?: Pages,
  options: SessionOptions = {},
): Promise<ExtensionSession> {
  const { styled, sitePages, ...launch } = options;
  const { context, extensionId, worker, close } = await launchWithExtension(launch);
  await serveHuggingFace(context, { pages, styled, sitePages });
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
    openPage: async (url, { controls = true } = {}) => {
      const page = await context.newPage();
      await page.goto(url);
      if (controls)
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

/** The test build: dist/ plus the content script's counters (src/content/diagnostics.ts). */
export const TEST_BUILD = 'dist-test';

/**
 * One Chromium with the extension for the enclosing file or describe block: started in
 * beforeAll (serving `pages` besides the saved ones, then applying `settings` as the library
 * page would), closed in afterAll.
 */
export function useExtensionSession(
  options: SessionOptions & { pages?: Pages; settings?: Record<string, unknown> } = {},
): ExtensionSession {
  const { pages, settings, ...launch } = options;
  return useSession(async () => {
    const session = await startSession(pages, launch);
    if (settings) await session.setSettings(settings);
    return session;
  });
}

/**
 * Errors from the extension in `page` from now on: uncaught exceptions and console errors
 * that name it or its runtime. The saved pages' own scripts fail offline; those do not count.
 */
export function collectExtensionErrors(page: Page): string[] {
  const errors: string[] = [];
  const ours = /Extension context|Receiving end|Paper Queue|paper-queue|chrome-extension:/i;
  page.on('pageerror', (error) => {
    if (ours.test(`${error.message} ${error.stack}`)) errors.push(error.message);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && ours.test(message.text())) errors.push(message.text());
  });
  return errors;
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

/**
 * Reloads the extension under an open page, as an update does, and brings the user back to
 * the tab (the window gets focus again); resolves once the old content script, orphaned, has
 * removed every control it made (within 3 s), and fails otherwise.
 */
export async function reloadUnderOpenPage(session: ExtensionSession, page: Page): Promise<void> {
  await reloadExtension(session.context, session.worker);
  await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await eventually(
    async () => expect(await page.locator('[data-paper-queue-id]').count()).toBe(0),
    3000,
  );
}
