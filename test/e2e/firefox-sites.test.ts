// The core of the arXiv work in real Firefox ESR (dist-firefox/, as shipped): arXiv is off
// until the user turns it on in the library; the click there calls permissions.request() for
// real, the grant fires permissions.onAdded and the background registers the content script;
// then the same paper is saved on its abstract page, listed in the popup with its authors,
// shown on the listing, read there, followed by the open abstract page and its toolbar; and
// turning arXiv off unregisters it. Firefox's permission prompt is a browser dialog that
// WebDriver cannot click either: `extensions.webextOptionalPermissionPrompts: false` makes
// Firefox grant an optional permission requested from a user's click without showing it.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ATTENTION_AUTHORS, listingWithPaper } from '../support/arxiv-variants';
import { eventually } from '../support/extension-session';
import { controlStates, useFirefoxSession } from '../support/firefox-session';

const ID = '1706.03762';
const TITLE = 'Attention Is All You Need';
const ABS = `https://arxiv.org/abs/${ID}`;
const LISTING = 'https://arxiv.org/list/cs.CL/recent';

const session = useFirefoxSession({
  prefs: { 'extensions.webextOptionalPermissionPrompts': false },
  sitePages: {
    'https://arxiv.org': {
      '/list/cs.CL/recent': () => listingWithPaper(ID, TITLE, ATTENTION_AUTHORS),
    },
  },
});

/** One of the add-on's pages in a tab (Firefox reports no navigation for them: wait instead). */
async function openExtensionPage(path: string, ready: string): Promise<Page> {
  const page = await session.browser.newPage();
  page.goto(`${session.extensionBase}${path}`).catch(() => undefined);
  await page.waitForSelector(ready, { timeout: 15_000 });
  return page;
}

/** Whether a fresh load of `url` runs the content script (it marks <html>) within 2 s. */
async function decorated(url: string): Promise<boolean> {
  const page = await session.openPage(url, { controls: false });
  const ran = await page
    .waitForFunction(() => document.documentElement.hasAttribute('data-paper-queue-run'), {
      timeout: 2000,
    })
    .then(
      () => true,
      () => false,
    );
  await page.close();
  return ran;
}

const siteStates = (library: Page) =>
  library.$$eval('[data-site-state]', (els) => els.map((el) => el.textContent));

const click = (page: Page, id: string, which: 'save' | 'read') =>
  page.locator(`[data-paper-queue-id="${id}"] >>> button.${which}`).click();

let library: Page;

describe('Firefox: arXiv, turned on in the library', () => {
  it('is off as installed: no script on arXiv pages', async () => {
    library = await openExtensionPage('src/library/index.html', '#sites-heading');
    await eventually(async () => expect(await siteStates(library)).toEqual(['off', 'off']), 5000);
    expect(await decorated(ABS)).toBe(false);
  });

  it('turns on from a click: the permission is granted and the next arXiv page is decorated', async () => {
    await library.locator('button ::-p-text(Turn on arXiv)').click();
    await eventually(async () => expect(await siteStates(library)).toEqual(['on', 'off']), 5000);
    expect(await decorated(ABS)).toBe(true);
  });

  it('saves on the abstract page; the popup lists the paper with its authors', async () => {
    const abs = await session.openPage(ABS);
    await eventually(async () => expect((await controlStates(abs, ID))[0]?.enabled).toBe(true));
    await click(abs, ID, 'save');
    await eventually(
      async () => expect((await controlStates(abs, ID))[0]?.saved).toBe('true'),
      5000,
    );
    const popup = await session.openPopup();
    const byline = () =>
      popup.$eval(`li[data-paper-id="${ID}"]`, (li) => li.textContent ?? '').catch(() => '');
    await eventually(
      async () => expect(await byline()).toMatch(/Ashish Vaswani et al\. · Jun 12, 2017/),
      5000,
    );
    await popup.close();
    await abs.close();
  });

  it('shows it saved on the arXiv listing; read there, the open abstract page and its toolbar follow', async () => {
    const abs = await session.openPage(ABS);
    const listing = await session.openPage(LISTING);
    await eventually(async () =>
      expect(await listing.$$eval('[data-paper-queue-id]', (h) => h.length)).toBe(50),
    );
    await eventually(
      async () => expect((await controlStates(listing, ID))[0]?.saved).toBe('true'),
      5000,
    );
    await click(listing, ID, 'read');
    await eventually(
      async () => expect((await controlStates(abs, ID))[0]?.read).toBe('true'),
      5000,
    );
    // The toolbar of the abstract page's tab, as Firefox holds it.
    const title = () =>
      library.evaluate(async (url) => {
        const { browser } = globalThis as unknown as {
          browser: {
            storage: {
              session: {
                get: (k: null) => Promise<Record<string, { tabId: number; url: string }>>;
              };
            };
            action: { getTitle: (d: { tabId: number }) => Promise<string> };
          };
        };
        const record = Object.values(await browser.storage.session.get(null)).find(
          (r) => r.url === url,
        );
        return record ? browser.action.getTitle({ tabId: record.tabId }) : '';
      }, ABS);
    await eventually(
      async () =>
        expect(await title()).toMatch(/This page: Attention Is All You Need \(saved, read\)$/),
      5000,
    );
    await listing.close();
    await abs.close();
  });

  it('lists the queue in the side panel’s page', async () => {
    const panel = await openExtensionPage('src/sidepanel/index.html', 'main.side-panel');
    await eventually(
      async () =>
        expect(
          await panel.$$eval('li[data-paper-id]', (li) =>
            li.map((l) => l.getAttribute('data-paper-id')),
          ),
        ).toEqual([ID]),
      5000,
    );
    await panel.close();
  });

  it('turns off: the permission goes back and the next arXiv page is left alone', async () => {
    await library.locator('button ::-p-text(Turn off arXiv)').click();
    await eventually(async () => expect(await siteStates(library)).toEqual(['off', 'off']), 5000);
    expect(await decorated(ABS)).toBe(false);
    await library.close();
  });
});
