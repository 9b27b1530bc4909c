// The same paper everywhere it is read: arXiv's abstract page and listing, Hugging Face, the
// popup, the toolbar and the side panel, in Chromium with arXiv and alphaXiv turned on. The
// build is dist/ with the optional hosts granted at install (test/support/granted-build.mjs):
// Chromium's permission prompt cannot be clicked by a test. permissions.test.ts covers the
// grant itself; every compiled file here is the shipped one.
import type { Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ATTENTION_AUTHORS, listingWithPaper } from '../support/arxiv-variants';
import { listingPage, makePapers } from '../support/card-factory.mjs';
import {
  collectExtensionErrors,
  controlsOf,
  eventually,
  readButton,
  saveButton,
  startSession,
} from '../support/extension-session';
import { grantedCopy } from '../support/granted-build.mjs';
import { useSession } from '../support/use-session';

const ID = '1706.03762';
const TITLE = 'Attention Is All You Need';
const ABS = `https://arxiv.org/abs/${ID}`;
const LISTING = 'https://arxiv.org/list/cs.CL/recent';
const HF_LISTING = '/papers/date/2026-01-02';
const ALPHAXIV = 'https://www.alphaxiv.org/abs/2301.12345';
const AUTHORS = ATTENTION_AUTHORS;

const build = grantedCopy('dist');
afterAll(() => build.remove());
const session = useSession(async () => {
  const started = await startSession(
    // A Hugging Face listing (real 2026 card markup) on which the paper appears too.
    { [HF_LISTING]: listingPage([{ id: ID, title: TITLE }, ...makePapers(2, 1, '2612')]) },
    {
      extensionDir: build.dir,
      sitePages: {
        'https://arxiv.org': { '/list/cs.CL/recent': () => listingWithPaper(ID, TITLE, AUTHORS) },
      },
    },
  );
  // The background registers the sites' content script as it starts; a page opened before
  // that would get none (as a page open before the user turned the site on has none).
  await eventually(async () => {
    const ids = await started.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts: () => Promise<{ id: string }[]> } };
      };
      return (await chrome.scripting.getRegisteredContentScripts()).length;
    });
    expect(ids).toBe(2);
  }, 5000);
  return started;
});

/** The worker's `chrome`, typed for what these tests read (in code evaluated there). */
type WithChrome = {
  chrome: {
    storage: {
      session: { get: (k: null) => Promise<Record<string, { tabId: number; url: string }>> };
    };
    action: { getTitle: (d: { tabId: number }) => Promise<string> };
  };
};

/** The tab the extension's records say shows `url` (the content script reported it). */
async function tabIdOf(worker: Worker, url: string): Promise<number> {
  let id: number | undefined;
  await eventually(async () => {
    const records = await worker.evaluate(() =>
      (globalThis as unknown as WithChrome).chrome.storage.session.get(null),
    );
    id = Object.values(records).find((record) => record.url === url)?.tabId;
    expect(id).toBeDefined();
  }, 3000);
  return id as number;
}

/** The toolbar's title on tab `tabId`, as the browser holds it. */
const toolbarTitle = (worker: Worker, tabId: number) =>
  worker.evaluate(
    (tabId) => (globalThis as unknown as WithChrome).chrome.action.getTitle({ tabId }),
    tabId,
  );

const pressed = (page: Page, id: string, which: typeof saveButton) =>
  which(controlsOf(page, id)).first().getAttribute('aria-pressed');

/** An extension page opened as the toolbar would show it for tab `tabId`. */
async function openExtensionPage(path: string, tabId: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${session.extensionId}/${path}?tab=${tabId}`);
  return page;
}

describe('a paper saved on its arXiv abstract page', () => {
  it('gets Save / Read beside its title, and is listed in the popup with its authors', async () => {
    const abs = await session.openPage(ABS);
    const errors = collectExtensionErrors(abs);
    expect(await controlsOf(abs, ID).count()).toBe(1);
    // Right after the title heading, in the shadow-DOM controls of every site.
    expect(
      await abs.evaluate(
        (id) =>
          document
            .querySelector('h1.title')
            ?.nextElementSibling?.getAttribute('data-paper-queue-id') === id,
        ID,
      ),
    ).toBe(true);
    await saveButton(controlsOf(abs, ID)).click();
    await eventually(async () => expect(await pressed(abs, ID, saveButton)).toBe('true'));

    const popup = await session.openPopup();
    const item = popup.locator(`li[data-paper-id="${ID}"]`);
    await eventually(async () => expect(await item.count()).toBe(1), 3000);
    // The meta tags gave the authors at once: no API request needed for a citation.
    expect(await item.textContent()).toMatch(/Ashish Vaswani et al\. · Jun 12, 2017/);
    expect(await item.locator('a.title').textContent()).toBe(TITLE);
    expect(errors).toEqual([]);
    await popup.close();
    await abs.close();
  });

  it('shows as saved on a Hugging Face listing that has it, and on the arXiv listing', async () => {
    const hf = await session.openSite(HF_LISTING);
    await eventually(async () => {
      for (const state of await saveButton(controlsOf(hf, ID)).evaluateAll((bs) =>
        bs.map((b) => b.getAttribute('aria-pressed')),
      ))
        expect(state).toBe('true');
    });
    await hf.close();
    const listing = await session.openPage(LISTING);
    expect(await controlsOf(listing, '2607.22456').count()).toBe(1);
    await eventually(async () => expect(await pressed(listing, ID, saveButton)).toBe('true'));
    await listing.close();
  });
});

describe('the arXiv listing', () => {
  it('has controls on all 50 entries, and marking one read there shows on its abstract page', async () => {
    const abs = await session.openPage(ABS);
    const absTab = await tabIdOf(session.worker, ABS);
    await eventually(async () =>
      expect(await toolbarTitle(session.worker, absTab)).toMatch(
        /This page: Attention Is All You Need \(saved, unread\)$/,
      ),
    );
    const listing = await session.openPage(LISTING);
    await eventually(async () =>
      expect(await listing.locator('[data-paper-queue-id]').count()).toBe(50),
    );
    await readButton(controlsOf(listing, ID)).click();
    // The open abstract page follows at once (the change notice), and so does its toolbar.
    await eventually(async () => expect(await pressed(abs, ID, readButton)).toBe('true'));
    await eventually(async () =>
      expect(await toolbarTitle(session.worker, absTab)).toMatch(/\(saved, read\)$/),
    );
    // Read from its own entry: dimmed where it is, not hidden under the pointer; dt and dd alike.
    const entry = await listing.evaluate((id) => {
      const dd = document
        .querySelector(`[data-paper-queue-id="${id}"]`)
        ?.closest('dd') as HTMLElement;
      const dt = dd.previousElementSibling as HTMLElement;
      // Dimmed by a veil of the page's colour over each (page.css), not by an opacity.
      const veil = (el: Element) => getComputedStyle(el, '::after').backgroundColor;
      return { read: dd.getAttribute('data-paper-queue-read'), dd: veil(dd), dt: veil(dt) };
    }, ID);
    const veil = 'rgba(255, 255, 255, 0.55)';
    expect(entry).toEqual({ read: 'just-now', dd: veil, dt: veil });
    await listing.close();
    const again = await session.openPage(ABS);
    await eventually(async () => expect(await pressed(again, ID, readButton)).toBe('true'));
    await again.close();
    await abs.close();
  });

  it('hides read entries (their dt too) on the next visit, with the same bar, and marks all read', async () => {
    const listing = await session.openPage(LISTING);
    const shown = (id: string) =>
      listing.evaluate((id) => {
        const dd = document
          .querySelector(`[data-paper-queue-id="${id}"]`)
          ?.closest('dd') as HTMLElement;
        const dt = dd.previousElementSibling as HTMLElement;
        return [getComputedStyle(dt).display, getComputedStyle(dd).display];
      }, id);
    await eventually(async () => expect(await shown(ID)).toEqual(['none', 'none']));
    expect(await shown('2607.22456')).toEqual(['block', 'block']);
    // The bar sits at the top of the list, says what it hid, and marks the page read.
    const bar = listing.locator('[data-paper-queue-ui="bar"]');
    const barText = () => bar.evaluate((host) => host.shadowRoot?.textContent ?? '');
    await eventually(async () => expect(await barText()).toMatch(/1 read paper hidden/));
    expect(
      await listing.evaluate(
        () => document.querySelector('[data-paper-queue-ui="bar"]')?.parentElement?.id,
      ),
    ).toBe('articles');
    await bar.getByRole('button', { name: 'Mark all read' }).click();
    // Every entry read and hidden, its dt with it; the bar says so instead of an empty list.
    await eventually(async () =>
      expect(await barText()).toMatch(/All 50 papers on this page are read/),
    );
    expect(await listing.locator('dd[data-paper-queue-read=""]').count()).toBe(50);
    expect(await shown('2607.22456')).toEqual(['none', 'none']);
    await listing.close();
  });
});

describe('the toolbar, the popup and the side panel on a paper page', () => {
  it('open with “This page” and its Save / Read, and the page follows a change made there', async () => {
    const abs = await session.openPage('https://arxiv.org/abs/2402.07939v1');
    const tabId = await tabIdOf(session.worker, 'https://arxiv.org/abs/2402.07939v1');
    await eventually(async () =>
      expect(await toolbarTitle(session.worker, tabId)).toMatch(/UFO: .* \(not saved, unread\)$/),
    );
    const popup = await openExtensionPage('src/popup/index.html', tabId);
    const here = popup.getByRole('region', { name: 'This page' });
    await eventually(async () =>
      expect(await here.textContent()).toMatch(
        /This page: UFO: A UI-Focused Agent for Windows OS Interaction/,
      ),
    );
    await here.getByRole('button', { name: '☆ Save' }).click();
    await eventually(async () => expect(await pressed(abs, '2402.07939', saveButton)).toBe('true'));
    await eventually(async () =>
      expect(await toolbarTitle(session.worker, tabId)).toMatch(/\(saved, unread\)$/),
    );
    await popup.close();

    // The side panel's page: the same queue, and the same "This page".
    const panel = await openExtensionPage('src/sidepanel/index.html', tabId);
    await eventually(async () =>
      expect(
        await panel
          .locator('li[data-paper-id]')
          .evaluateAll((li) => li.map((l) => l.getAttribute('data-paper-id'))),
      ).toEqual(expect.arrayContaining([ID, '2402.07939'])),
    );
    const panelHere = panel.getByRole('region', { name: 'This page' });
    await eventually(async () =>
      expect(await panelHere.getByRole('button', { name: '★ Saved' }).count()).toBe(1),
    );
    // A change on the page reaches the open panel (liveQuery), with no reload.
    await readButton(controlsOf(abs, '2402.07939')).click();
    await eventually(async () =>
      expect(await panelHere.getByRole('button', { name: '✓ Read' }).count()).toBe(1),
    );
    await panel.close();
    await abs.close();
  });

  it('forgets the page once the tab has left it', async () => {
    const abs = await session.openPage(ABS);
    const tabId = await tabIdOf(session.worker, ABS);
    await abs.goto('https://huggingface.co/papers/trending');
    await abs.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    await eventually(async () =>
      expect(await toolbarTitle(session.worker, tabId)).toBe('Paper Queue'),
    );
    const popup = await openExtensionPage('src/popup/index.html', tabId);
    await popup.locator('main.popup').waitFor();
    await popup.waitForTimeout(300);
    expect(await popup.getByRole('region', { name: 'This page' }).count()).toBe(0);
    await popup.close();
    await abs.close();
  });
});

describe('alphaXiv', () => {
  it('knows the paper from the URL; the drift alarm says where the page gave no place for controls', async () => {
    const page = await session.openPage(ALPHAXIV, { controls: false });
    const tabId = await tabIdOf(session.worker, ALPHAXIV);
    const popup = await openExtensionPage('src/popup/index.html', tabId);
    await eventually(async () =>
      expect(await popup.getByRole('region', { name: 'This page' }).textContent()).toMatch(
        /This page: Chemotactic motility-induced phase separation/,
      ),
    );
    await eventually(async () =>
      expect(await popup.getByRole('status').textContent()).toMatch(
        /Recognized 0 of 1 papers on this page/,
      ),
    );
    expect(await page.locator('[data-paper-queue-id]').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
