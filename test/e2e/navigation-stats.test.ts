// In-page navigation counted by the content script itself (src/content/diagnostics.ts):
// one message per view, and nothing left alive after leaving a view. The counters exist
// only in the test build, so this file loads dist-test/ (npm run build:test); everything
// else about navigation is tested on the production build in views-navigation.test.ts.
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  saveButton,
  TEST_BUILD,
  useExtensionSession,
} from '../support/extension-session';
import { contentStats, installSiteSimulator, navigateInPage } from '../support/site-simulator';
import { daily, hostIds, VIEWS, viewPages, weekly } from '../support/synthetic-views';

const session = useExtensionSession({ pages: viewPages(), extensionDir: TEST_BUILD });

describe('in-page navigation, counted', () => {
  it('keeps marks across views and sends at most two messages per view', async () => {
    const page = await session.openSite('/papers/date/2026-11-20');
    await installSiteSimulator(page, [
      { path: '/papers/date/2026-11-20', papers: daily },
      { path: '/papers/week/2026-W47', papers: weekly },
    ]);
    const shared = weekly[0]?.id as string; // 2612.00001 is in the weekly view only
    await navigateInPage(page, '/papers/week/2026-W47');
    await saveButton(controlsOf(page, shared)).first().click();
    await eventually(async () =>
      expect(await saveButton(controlsOf(page, shared)).first().getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    const before = (await contentStats(page)).messages;
    await navigateInPage(page, '/papers/date/2026-11-20');
    await navigateInPage(page, '/papers/week/2026-W47');
    await eventually(async () =>
      expect(await saveButton(controlsOf(page, shared)).first().getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    // The marks came from the index at once; each view's metadata and its seen papers
    // follow in one message each when the page is idle (or a second later), and a view left
    // before that sends none (on a busy machine the first view may have had its idle moment:
    // at most two messages for each of the two views, never one per card or per batch).
    await eventually(
      async () => expect((await contentStats(page)).messages - before).toBeGreaterThanOrEqual(1),
      3000,
    );
    await page.waitForTimeout(1500);
    expect((await contentStats(page)).messages - before).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('after 20 navigations holds no more observers, listeners or controls than a fresh page', async () => {
    const fresh = await session.openSite('/papers/week/2026-W47');
    await eventually(async () => expect(await hostIds(fresh)).toHaveLength(weekly.length * 2));
    const freshStats = await contentStats(fresh);
    expect(freshStats.live).toBeGreaterThan(0); // observers and listeners of a working page
    const freshHosts = (await hostIds(fresh)).length;
    await fresh.close();

    const page = await session.openSite('/papers/date/2026-11-20');
    await installSiteSimulator(
      page,
      Object.entries(VIEWS).map(([path, papers]) => ({ path, papers })),
    );
    const paths = Object.keys(VIEWS);
    for (let i = 0; i < 19; i++)
      await navigateInPage(page, paths[(i + 1) % paths.length] as string);
    await navigateInPage(page, '/papers/week/2026-W47');
    await eventually(async () => expect((await hostIds(page)).length).toBe(freshHosts));
    expect((await contentStats(page)).live).toBe(freshStats.live);
    await page.close();
  });
});
