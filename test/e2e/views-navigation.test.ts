// Every listing view, live in-page navigation, and the paper page, in Chromium.
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { paperPageHtml } from '../support/fixtures';
import { installSiteSimulator, navigateInPage } from '../support/site-simulator';
import { daily, hostIds, monthly, VIEWS, viewPages, weekly } from '../support/synthetic-views';

// Counting messages and live resources needs the test build: navigation-stats.test.ts.
const session = useExtensionSession({
  pages: { ...viewPages(), '/papers/2602.23229': paperPageHtml() },
});

describe('every listing view', () => {
  it.each(Object.entries(VIEWS))(
    '%s gets controls on every card, both copies',
    async (path, papers) => {
      const page = await session.openSite(path);
      await eventually(async () => expect(await hostIds(page)).toHaveLength(papers.length * 2));
      expect(new Set(await hostIds(page))).toEqual(new Set(papers.map((p) => p.id)));
      await page.close();
    },
  );

  it('never turns links that are not papers into cards', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const ids = await hostIds(page);
    expect(ids.every((id) => /^\d{4}\.\d{4,5}$/.test(id ?? ''))).toBe(true);
    expect(await page.locator('a[href^="/login"] [data-paper-queue-id]').count()).toBe(0);
    await page.close();
  });
});

describe('in-page navigation', () => {
  it('decorates each new view within one frame, and back/forward too', async () => {
    const page = await session.openSite('/papers/date/2026-11-20');
    await installSiteSimulator(
      page,
      Object.entries(VIEWS).map(([path, papers]) => ({ path, papers })),
    );
    await navigateInPage(page, '/papers/week/2026-W47');
    expect(new Set(await hostIds(page))).toEqual(new Set(weekly.map((p) => p.id)));
    expect(await hostIds(page)).toHaveLength(weekly.length * 2);
    await navigateInPage(page, '/papers/month/2026-11');
    expect(await hostIds(page)).toHaveLength(monthly.length * 2);
    await page.goBack();
    await eventually(async () => expect(await hostIds(page)).toHaveLength(weekly.length * 2));
    expect(new Set(await hostIds(page))).toEqual(new Set(weekly.map((p) => p.id)));
    await page.goForward();
    await eventually(async () => expect(await hostIds(page)).toHaveLength(monthly.length * 2));
    await page.close();
  });

  it('follows search typing that filters the cards in place', async () => {
    const page = await session.openSite('/papers/date/2026-11-20');
    await page.evaluate(() => {
      history.replaceState({}, '', '/papers?q=synthetic+paper+1');
      const articles = [...document.querySelectorAll('article')];
      for (const article of articles.slice(1)) article.remove();
      // The site re-renders the remaining card too.
      const [first] = articles;
      first?.replaceWith(first.cloneNode(true));
    });
    await eventually(async () => expect(await hostIds(page)).toEqual([daily[0]?.id, daily[0]?.id]));
    await page.close();
  });
});

describe('the paper page', () => {
  it('has the controls next to its title, and they save the paper', async () => {
    const page = await session.openSite('/papers/2602.23229');
    const host = controlsOf(page, '2602.23229');
    expect(await host.count()).toBe(1);
    expect(await host.evaluate((el) => el.previousElementSibling?.tagName)).toBe('H1');
    await saveButton(host).click();
    const popup = await session.openPopup();
    const item = popup
      .getByRole('listitem')
      .filter({ hasText: 'Large Multimodal Models as General In-Context Classifiers' });
    await eventually(async () => expect(await item.count()).toBe(1));
    expect(await item.textContent()).toContain('Marco Garosi et al.');
    await popup.close();
    await page.close();
  });

  it('marks the paper read on open when the user turned that on', async () => {
    await session.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set: (items: object) => Promise<void> } } };
      };
      await chrome.storage.local.set({ 'paperQueue.settings': { markReadOnOpen: true } });
    });
    const page = await session.openSite('/papers/2602.23229');
    await eventually(async () =>
      expect(await readButton(controlsOf(page, '2602.23229')).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    await page.close();
  });
});
