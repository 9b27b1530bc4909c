// One Firefox with dist-firefox/ installed and the saved pages, for an end-to-end test file.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { type FixtureOptions, fixtureAnswer } from './huggingface-routes.mjs';
import { launchFirefoxWithExtension } from './launch-firefox.mjs';
import { useSession } from './use-session';

export interface FirefoxSession {
  browser: Browser;
  extensionBase: string;
  /** Opens a huggingface.co URL (served from the fixtures) and waits for the controls. */
  openSite: (path: string) => Promise<Page>;
  /** Opens any served URL (arXiv, alphaXiv too); waits for the controls unless told not to. */
  openPage: (url: string, options?: { controls?: boolean }) => Promise<Page>;
  /** Opens the popup's page in a tab, as the toolbar button would show it. */
  openPopup: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Answers a page's web requests from the fixtures; refuses everything else. */
export async function serveFixtures(page: Page, options: FixtureOptions): Promise<void> {
  await page.setRequestInterception(true);
  const answer = async (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return request.continue();
    const found = await fixtureAnswer(url, options);
    if (!found) return request.abort('blockedbyclient');
    return request.respond(found);
  };
  page.on('request', (request: HTTPRequest) => {
    // A request whose page navigated on or closed meanwhile is gone: nothing to answer
    // ("no such request"), and no rejection left unhandled for the test run to trip on.
    answer(request).catch((error: unknown) => {
      if (!/no such request|not found|closed|Target/i.test(String(error))) throw error;
    });
  });
}

export async function startFirefoxSession(
  options: FixtureOptions & { prefs?: Record<string, unknown> } = {},
): Promise<FirefoxSession> {
  const { browser, extensionBase, close } = await launchFirefoxWithExtension({
    prefs: options.prefs,
  });
  return {
    browser,
    extensionBase,
    close,
    openSite: async (path) => {
      const page = await browser.newPage();
      await serveFixtures(page, options);
      await page.goto(`https://huggingface.co${path}`);
      await page.waitForSelector('[data-paper-queue-id]', { timeout: 15_000 });
      return page;
    },
    openPage: async (url, { controls = true } = {}) => {
      const page = await browser.newPage();
      await serveFixtures(page, options);
      await page.goto(url);
      if (controls) await page.waitForSelector('[data-paper-queue-id]', { timeout: 15_000 });
      return page;
    },
    openPopup: async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 400, height: 600 });
      const url = `${extensionBase}src/popup/index.html`;
      // Firefox loads the page, but its remote agent reports no navigation events for the
      // add-on's process, so goto() would wait forever: start it and wait for the page itself.
      page.goto(url).catch(() => undefined);
      // Polled by hand: a wait started in about:blank fails outright (instead of waiting on)
      // when the navigation replaces the realm it polls in.
      const deadline = Date.now() + 15_000;
      let shown = '';
      for (;;) {
        const state = await page
          .evaluate(() => ({ href: location.href, ready: !!document.querySelector('main.popup') }))
          .catch(() => null);
        shown = state?.href ?? shown;
        if (state?.ready && shown === url) return page;
        if (Date.now() > deadline) throw new Error(`Expected the popup at ${url}, got ${shown}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** One Firefox for the enclosing file or describe block: beforeAll starts it, afterAll closes it. */
export function useFirefoxSession(
  options: FixtureOptions & { prefs?: Record<string, unknown> } = {},
): FirefoxSession {
  return useSession(() => startFirefoxSession(options));
}

export interface ControlState {
  saved: string | null;
  read: string | null;
  enabled: boolean;
}

/** aria-pressed of the Save and Read toggles on every copy of paper `id`'s controls. */
export function controlStates(page: Page, id: string): Promise<ControlState[]> {
  return page.$$eval(`[data-paper-queue-id="${id}"]`, (hosts) =>
    hosts.map((host) => {
      const save = host.shadowRoot?.querySelector('button.save');
      const read = host.shadowRoot?.querySelector('button.read');
      return {
        saved: save?.getAttribute('aria-pressed') ?? null,
        read: read?.getAttribute('aria-pressed') ?? null,
        enabled: Boolean(save && !(save as HTMLButtonElement).disabled),
      };
    }),
  );
}

/** A real click on the first copy's Save toggle (`>>>` reaches into the shadow root). */
export async function clickSave(page: Page, id: string): Promise<void> {
  await page.locator(`[data-paper-queue-id="${id}"] >>> button.save`).click();
}
