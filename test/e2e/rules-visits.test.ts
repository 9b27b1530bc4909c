// Mute and highlight rules, "New since your last visit" and auto-seen, in Chromium, as issue
// #21 asks for them: rules typed into the library's settings hide and mark cards on an open
// listing (never a saved paper, and never a muted card painted, not even for one frame), on
// every view and in-page navigation; cards not seen in an earlier visit are New; with
// auto-seen, only cards that stayed in view count, and Hide seen hides them next time.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listingPage } from '../support/card-factory.mjs';
import {
  controlsOf,
  eventually,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { installSiteSimulator, navigateInPage } from '../support/site-simulator';

const LISTING = '/papers/date/2024-08-01';
const TORA = '2407.21705'; // "Tora: Trajectory-oriented Diffusion Transformer for Video Generation"
const SAMPLING = '2407.21475'; // "Fine-gained Zero-shot Video Sampling" (a diffusion model)
const LLAMA = '2407.21783';

/** Papers of made-up listings: the first visit sees 1–6, the second 4–10. */
const paper = (n: number, topic = 'agents') => ({
  id: `2611.${String(n).padStart(5, '0')}`,
  title: `Synthetic paper ${n} on ${topic}`,
});
const FIRST = [1, 2, 3, 4, 5, 6].map((n) => paper(n));
const SECOND = [4, 5, 6, 7, 8, 9, 10].map((n) => paper(n));
const TOPICS = [paper(21, 'robotics'), paper(22, 'quantum chemistry'), paper(23, 'robotics')];
const TALL = Array.from({ length: 30 }, (_, i) => paper(40 + i));

// Styled like the site (test/fixtures/site.css), so cards have the size they have there: a
// whole card fits in the window, which auto-seen needs.
const session = useExtensionSession({
  styled: true,
  pages: {
    '/papers/date/2026-11-20': listingPage(FIRST),
    '/papers/date/2026-11-21': listingPage(SECOND),
    '/papers/week/2026-W48': listingPage(TOPICS),
    '/papers/date/2026-11-22': listingPage(TALL),
  },
});

const bar = (page: Page) => page.locator('[data-paper-queue-ui="bar"]');
const cardOf = (page: Page, id: string) =>
  page.locator('article').filter({ has: controlsOf(page, id) });
const displayed = (page: Page, id: string) =>
  cardOf(page, id).evaluate((card) => card.getClientRects().length > 0);
const partText = (page: Page, id: string, part: string) =>
  controlsOf(page, id)
    .first()
    .evaluate(
      (host, name) => host.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent ?? null,
      part,
    );

async function openLibrary(): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/src/library/index.html`);
  await page.getByLabel('Muted words').waitFor();
  return page;
}

async function storage(key: string): Promise<unknown> {
  return session.worker.evaluate(async (k) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.local.get(k))[k];
  }, key);
}

/** Moves the seen record's last visit back by `ms`, as time passing would. */
async function age(ms: number): Promise<void> {
  await session.worker.evaluate(async (by) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: {
          local: {
            get: (k: string) => Promise<Record<string, { visitStart: number; lastAt: number }>>;
            set: (items: object) => Promise<void>;
          };
        };
      };
    };
    const key = 'paperQueue.seen';
    const record = (await chrome.storage.local.get(key))[key];
    if (!record) throw new Error('no seen record yet');
    await chrome.storage.local.set({
      [key]: { ...record, visitStart: record.visitStart - by, lastAt: record.lastAt - by },
    });
  }, ms);
}

const seenIds = async () => {
  const record = (await storage('paperQueue.seen')) as { current: string } | undefined;
  return record?.current ?? '';
};

describe('rules typed into the library', () => {
  it('hide matching cards on an open listing, count them, never a saved one, and Show reveals', async () => {
    const page = await session.openSite(LISTING);
    // Saved from its own card first: a saved paper is never muted.
    await saveButton(controlsOf(page, SAMPLING)).first().click();
    await eventually(async () =>
      expect(
        await saveButton(controlsOf(page, SAMPLING)).first().getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    const library = await openLibrary();
    await library.getByLabel('Muted words').fill('diffusion');
    await eventually(async () => expect(await displayed(page, TORA)).toBe(false), 3000);
    expect(await displayed(page, SAMPLING)).toBe(true);
    expect(await displayed(page, LLAMA)).toBe(true);
    await eventually(async () =>
      expect(await bar(page).getByRole('status').textContent()).toContain('1 muted'),
    );
    await bar(page).getByRole('button', { name: 'Show muted papers' }).click();
    await eventually(async () => expect(await displayed(page, TORA)).toBe(true));
    // Each card a rule matched says which.
    expect(await partText(page, TORA, 'rule')).toBe('Muted: word “diffusion”');
    expect(await cardOf(page, TORA).getAttribute('data-paper-queue-rule')).toBe(
      'Muted: word “diffusion”',
    );
    // A rule that cannot be one says so and changes nothing.
    await library.getByLabel('Muted words').fill('diffusion, ""');
    await library.getByText('Muted words has an empty phrase ("")').waitFor();
    await library.getByLabel('Minimum upvotes').fill('-2');
    await library.getByText('Minimum upvotes cannot be negative').waitFor();
    const settings = (await storage('paperQueue.settings')) as {
      rules: { mutedWords: string[]; minUpvotes: number };
    };
    expect(settings.rules.mutedWords).toEqual(['diffusion']);
    expect(settings.rules.minUpvotes).toBe(0);
    await library.getByLabel('Muted words').fill('');
    await library.getByLabel('Minimum upvotes').fill('0');
    await eventually(
      async () =>
        expect(await cardOf(page, TORA).getAttribute('data-paper-queue-muted')).toBeNull(),
      3000,
    );
    await library.close();
    await page.close();
  });

  it('mark a highlighted card, with its reason on hover', async () => {
    await session.setSettings({ rules: { highlightedWords: ['trajectory'], mutedWords: [] } });
    const page = await session.openSite(LISTING);
    await eventually(async () =>
      expect(await cardOf(page, TORA).getAttribute('data-paper-queue-highlight')).toBe(''),
    );
    const outline = await cardOf(page, TORA).evaluate(
      (card) => getComputedStyle(card).outlineStyle,
    );
    expect(outline).toBe('solid');
    expect(await partText(page, TORA, 'highlighted')).toBe('★ Highlighted: word “trajectory”');
    const title = await controlsOf(page, TORA)
      .first()
      .evaluate((host) =>
        host.shadowRoot?.querySelector('[part~="highlighted"]')?.getAttribute('title'),
      );
    expect(title).toContain('Highlighted: word “trajectory”');
    await page.close();
    await session.setSettings({ rules: {} });
  });

  it('take no room the controls did not have, even with a long reason on a phone', async () => {
    const term = 'trajectory-oriented diffusion transformer';
    await session.setSettings({ rules: { highlightedWords: [term] } });
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`https://huggingface.co${LISTING}`);
    await controlsOf(page, TORA).first().waitFor({ state: 'attached' });
    await eventually(async () =>
      expect(await partText(page, TORA, 'highlighted')).toBe(`★ Highlighted: word “${term}”`),
    );
    const heights = await page
      .locator('[data-paper-queue-id]')
      .evaluateAll((hosts) => [...new Set(hosts.map((h) => h.getBoundingClientRect().height))]);
    expect(heights).toEqual([36]);
    await page.close();
    await session.setSettings({ rules: {} });
  });

  it('apply on every view, in-page navigation included, and never paint a muted card', async () => {
    await session.setSettings({ rules: { mutedWords: ['robotics'] } });
    const page = await session.context.newPage();
    // Every card the browser is about to paint, from before the page's first script.
    await page.addInitScript(() => {
      const painted: string[] = [];
      Object.assign(window, { __painted: painted });
      const sizes = new ResizeObserver((entries) => {
        for (const entry of entries) {
          if (entry.contentRect.height === 0) continue;
          const href = entry.target.querySelector('h3 > a')?.getAttribute('href') ?? '';
          painted.push(href.split('/').pop() ?? '');
        }
      });
      new MutationObserver((records) => {
        for (const r of records)
          for (const node of r.addedNodes)
            if (node instanceof Element)
              for (const card of [node, ...node.querySelectorAll('article')])
                if (card.tagName === 'ARTICLE') sizes.observe(card);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('https://huggingface.co/papers/week/2026-W48');
    await controlsOf(page, '2611.00022').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    const painted = await page.evaluate(
      () => (window as unknown as { __painted: string[] }).__painted,
    );
    expect(painted).toContain('2611.00022');
    expect(painted).not.toContain('2611.00021');
    expect(painted).not.toContain('2611.00023');
    // In-page navigation to another view: its muted card is hidden at once too.
    await installSiteSimulator(page, [
      { path: '/papers/date/2026-11-22', papers: [paper(31, 'robotics'), paper(32)] },
    ]);
    await navigateInPage(page, '/papers/date/2026-11-22');
    expect(await cardOf(page, '2611.00031').getAttribute('data-paper-queue-muted')).toBe('');
    expect(await displayed(page, '2611.00031')).toBe(false);
    expect(await displayed(page, '2611.00032')).toBe(true);
    await page.close();
    await session.setSettings({ rules: {} });
  });
});

describe('new since your last visit', () => {
  it('marks the cards not seen before on a second visit, keeps them New on a reload, n goes to each', async () => {
    const first = await session.openSite('/papers/date/2026-11-20');
    // Nothing is new on the very first visit.
    await eventually(async () => expect(await seenIds()).toContain('00006'), 5000);
    expect(await first.locator('[data-paper-queue-new]').count()).toBe(0);
    await first.close();
    await age(2 * 60 * 60_000);

    const second = await session.openSite('/papers/date/2026-11-21');
    const newIds = () =>
      second
        .locator('article[data-paper-queue-new]')
        .evaluateAll((cards) =>
          cards.map((c) =>
            c.querySelector('[data-paper-queue-id]')?.getAttribute('data-paper-queue-id'),
          ),
        );
    await eventually(async () =>
      expect(await newIds()).toEqual(['2611.00007', '2611.00008', '2611.00009', '2611.00010']),
    );
    expect(await partText(second, '2611.00007', 'new')).toBe('New');
    expect(await partText(second, '2611.00004', 'new')).toBeNull();
    // The badge sits in the controls' own room: every host keeps its height.
    const heights = await second
      .locator('[data-paper-queue-id]')
      .evaluateAll((hosts) => [
        ...new Set(
          hosts
            .filter((h) => h.getClientRects().length)
            .map((h) => h.getBoundingClientRect().height),
        ),
      ]);
    expect(heights).toEqual([36]);
    await second.keyboard.press('n');
    expect(await cardOf(second, '2611.00007').getAttribute('data-paper-queue-focus')).toBe('');
    await second.keyboard.press('n');
    expect(await cardOf(second, '2611.00008').getAttribute('data-paper-queue-focus')).toBe('');
    // The same visit, a minute later: still new.
    await eventually(async () => expect(await seenIds()).toContain('00010'), 5000);
    await second.reload();
    await second.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    await eventually(async () => expect(await newIds()).toHaveLength(4));
    await second.close();
  });
});

describe('auto-seen', () => {
  it('counts only cards that stayed in view, never marks them read, and Hide seen hides them next time', async () => {
    await session.setSettings({ autoSeen: true, seenAfterSeconds: 1, hideMode: 'hide' });
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://huggingface.co/papers/date/2026-11-22');
    await controlsOf(page, '2611.00040').first().waitFor({ state: 'attached' });
    await eventually(async () => expect(await seenIds()).toContain('00040'), 5000);
    const inView = await page.evaluate(() =>
      [...document.querySelectorAll('article')]
        .filter((a) => {
          const box = a.getBoundingClientRect();
          return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
        })
        .map((a) => a.querySelector('[data-paper-queue-id]')?.getAttribute('data-paper-queue-id')),
    );
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(TALL.length);
    const seen = await seenIds();
    // The last card never came into view: not seen.
    expect(seen).not.toContain('00069');
    // Seeing is not reading.
    expect(await page.locator('[data-paper-queue-read]').count()).toBe(0);
    await bar(page).getByRole('button', { name: 'Hide seen' }).click();
    await page.reload();
    await controlsOf(page, '2611.00069').first().waitFor({ state: 'attached' });
    await eventually(async () => expect(await displayed(page, '2611.00040')).toBe(false));
    expect(await displayed(page, '2611.00069')).toBe(true);
    expect(await bar(page).getByRole('status').textContent()).toMatch(/seen papers? hidden/);
    await page.close();
    await session.setSettings({ autoSeen: false, hideMode: 'hide' });
  });
});
