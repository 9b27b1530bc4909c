// A shown click is durable: 100 Save / Read clicks, each followed at once by a reload of the
// tab or by closing it, half of them with the service worker stopped right after the click.
// Every decision a card showed ends in the database, on every card and in the popup.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  TEST_BUILD,
  useExtensionSession,
} from '../support/extension-session';
import { prng } from '../support/prng';
import { storedStates } from '../support/stored-marks';

const CLICKS = 100;
const SEED = 20_261_201;
const CARDS = 5;
const LISTING = '/papers/date/2024-08-01';

type Expected = Record<string, { saved: boolean; read: boolean }>;

// Read cards stay in view, so every card can be clicked again. The test build: its pages say
// when they have read the mark index (src/content/diagnostics.ts).
const session = useExtensionSession({ settings: { hideMode: 'show' }, extensionDir: TEST_BUILD });

/**
 * What the card shows the user once the page has read the mark index. (On a machine this
 * loaded, reading storage.local can take longer than the 1.5 s a card waits unseen; the card
 * then shows its default look until the index arrives. That is the page not waiting on the
 * extension, not a lost click.)
 */
async function shownState(page: Page, id: string) {
  await page.waitForFunction(() => {
    const stats = document.documentElement.getAttribute('data-paper-queue-stats');
    return stats !== null && JSON.parse(stats).indexRead === true;
  });
  const host = controlsOf(page, id);
  return {
    saved: (await saveButton(host).first().getAttribute('aria-pressed')) === 'true',
    read: (await readButton(host).first().getAttribute('aria-pressed')) === 'true',
  };
}

describe('a click the card showed', () => {
  it(`outlives an at-once reload or close, with the worker stopped: ${CLICKS} clicks`, async () => {
    const random = prng(SEED);
    // The worker is stopped through a tab that stays open while the listing tabs come and go.
    const keeper = await session.context.newPage();
    const cdp: CDPSession = await session.context.newCDPSession(keeper);
    await cdp.send('ServiceWorker.enable');
    let page = await session.openSite(LISTING);
    const ids = await page.$$eval('[data-paper-queue-id]', (hosts) => [
      ...new Set(hosts.map((h) => h.getAttribute('data-paper-queue-id') as string)),
    ]);
    const cards = ids.slice(0, CARDS);
    const expected: Expected = Object.fromEntries(
      cards.map((id) => [id, { saved: false, read: false }]),
    );
    const counts = { reloads: 0, closes: 0, stopped: 0 };

    for (let n = 0; n < CLICKS; n++) {
      const id = cards[Math.floor(random() * cards.length)] as string;
      const key = random() < 0.5 ? 'saved' : 'read';
      // The page shows what it knows: the click means the opposite of that.
      const before = await shownState(page, id);
      expect(before).toEqual(expected[id]);
      const button = (key === 'saved' ? saveButton : readButton)(controlsOf(page, id)).first();
      await button.click();
      expected[id] = { ...(expected[id] as Expected[string]), [key]: !before[key] };
      if (random() < 0.5) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        counts.stopped++;
      }
      if (random() < 0.5) {
        counts.reloads++;
        await page.reload();
      } else {
        counts.closes++;
        await page.close();
        page = await session.context.newPage();
        await page.goto(`https://huggingface.co${LISTING}`);
      }
      await page.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    }

    // The database holds every decision (the popup opening wakes the background too).
    const popup = await session.openPopup();
    await eventually(async () => {
      const stored = await storedStates(popup);
      for (const id of cards) {
        expect(stored[id] ?? { saved: false, read: false }, id).toEqual(expected[id]);
      }
    }, 10_000);
    // Every card of a tab opened now, and of the last one, shows it.
    const fresh = await session.openSite(LISTING);
    for (const tab of [page, fresh]) {
      await eventually(async () => {
        for (const id of cards) expect(await shownState(tab, id), id).toEqual(expected[id]);
      }, 10_000);
    }
    // The popup lists exactly the saved ones.
    const saved = cards.filter((id) => expected[id]?.saved);
    await eventually(async () => {
      const listed = await popup
        .locator('li[data-paper-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paper-id')));
      expect(listed.sort()).toEqual([...saved].sort());
    }, 5000);
    // Nothing is left waiting in the outbox.
    const left = await popup.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { get: (k: null) => Promise<Record<string, unknown>> } } };
      };
      return Object.keys(await chrome.storage.local.get(null)).filter((k) =>
        k.startsWith('paperQueue.outbox.'),
      );
    });
    expect(left).toEqual([]);
    console.info(
      `durable clicks: ${CLICKS} clicks, ${counts.reloads} reloads and ${counts.closes} closes right after, the worker stopped after ${counts.stopped}`,
    );
    expect(counts.stopped).toBeGreaterThan(CLICKS / 4);
    await fresh.close();
    await popup.close();
    await page.close();
    await keeper.close();
  }, 300_000);
});
