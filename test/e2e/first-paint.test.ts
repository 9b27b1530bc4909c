// Right at first paint, on the saved pages styled like the site (test/fixtures/site.css):
// a returning visit never shows a read card, not even for one frame, and the controls and the
// bar take no room they did not have (layout shift added ≤ 0.01 against the same page
// without the content script, on a first and on a returning visit).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, useExtensionSession } from '../support/extension-session';
import { LISTING_2024, readFixture, readProps, TRENDING_2026 } from '../support/fixtures';
import { type PaintLog, watchPaint } from '../support/paint-watch';
import { expectDecoratedInFrame, renderInFrame, unreadThenRead } from '../support/render-in-frame';

const PAGES = {
  '2024': { path: '/papers/date/2024-08-01', fixture: LISTING_2024 },
  '2026': { path: '/papers/trending', fixture: TRENDING_2026 },
} as const;

// The same pages at paths the content script is not declared for: the page without us.
const BARE = Object.fromEntries(
  Object.entries(PAGES).map(([name, { fixture }]) => [`/bare-${name}`, () => readFixture(fixture)]),
);

const session = useExtensionSession({ pages: BARE, styled: true });

async function visit(path: string) {
  const page = await session.context.newPage();
  await page.addInitScript(watchPaint);
  await page.goto(`https://huggingface.co${path}`);
  return page;
}

const logOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __firstPaint: PaintLog }).__firstPaint);

/** The page settled: controls in, metadata sent, the drift check done. */
const settled = (page: Page) => page.waitForTimeout(1500);

/**
 * The page's own layout shift varies from load to load (with the stand-in stylesheet its
 * footer sometimes paints before the list has its size: the list's `content-visibility:
 * auto` cards start at no height). So the bare page is loaded a few times, and what the
 * extension adds is the shift of elements the page never moves on its own; the raw sums
 * are printed beside it.
 */
async function pageOwnMovers(name: string): Promise<{ movers: Set<string>; shifts: number[] }> {
  const movers = new Set<string>();
  const shifts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const bare = await visit(`/bare-${name}`);
    await settled(bare);
    const log = await logOf(bare);
    shifts.push(log.shift);
    for (const shift of log.shifts) for (const mover of shift.movers) movers.add(mover);
    await bare.close();
  }
  return { movers, shifts };
}

/** The entries that move at least one element the page does not move itself. */
const addedEntries = (log: PaintLog, own: Set<string>) =>
  log.shifts.filter((s) => s.movers.some((mover) => !own.has(mover)));

/** Their shift; and, when there is any, what moved (for the failure's message). */
function addedShift(log: PaintLog, own: Set<string>): number {
  const added = addedEntries(log, own);
  if (added.length > 0) console.info('shifted by the extension:', JSON.stringify(added));
  return added.reduce((sum, s) => sum + s.value, 0);
}

async function markRead(ids: string[]) {
  const popup = await session.openPopup();
  await popup.evaluate(
    async (marks) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } };
      };
      const reply = await chrome.runtime.sendMessage({ type: 'papers.set', at: Date.now(), marks });
      if (!reply.ok) throw new Error(JSON.stringify(reply));
    },
    Object.fromEntries(ids.map((id) => [id, { read: true }])),
  );
  await popup.close();
}

describe.each(Object.entries(PAGES))('the saved %s page', (name, { path, fixture }) => {
  const ids = readProps(fixture).dailyPapers.map((e) => e.paper.id);

  it('adds no layout shift on a first visit', async () => {
    const own = await pageOwnMovers(name);
    const page = await visit(path);
    await page.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    await settled(page);
    const log = await logOf(page);
    const added = addedShift(log, own.movers);
    console.info(
      `first visit, ${name}: layout shift ${log.shift.toFixed(4)} (page alone ${own.shifts.map((s) => s.toFixed(4)).join(', ')}), added by the extension ${added.toFixed(4)}`,
    );
    expect(added).toBeLessThanOrEqual(0.01);
    await page.close();
  });

  it('never paints a read card on a returning visit, and adds no layout shift', async () => {
    // 30 % of the cards read (at least one), as the issue measures it.
    const read = ids.filter((_, i) => i % 3 === 1);
    await markRead(read);
    const own = await pageOwnMovers(name);

    const page = await visit(path);
    await page.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    await settled(page);
    const log = await logOf(page);
    const added = addedShift(log, own.movers);
    console.info(
      `returning visit, ${name}: ${read.length} of ${ids.length} read, layout shift ${log.shift.toFixed(4)} (page alone ${own.shifts.map((s) => s.toFixed(4)).join(', ')}), added by the extension ${added.toFixed(4)}; first paint at ${log.firstPaint} ms, first card held at ${log.firstPending} ms, first read card marked at ${log.firstRead} ms`,
    );
    expect(log.displayed.filter((id) => read.includes(id))).toEqual([]);
    // The check can see cards: every unread one was displayed.
    for (const id of ids.filter((i) => !read.includes(i))) expect(log.displayed).toContain(id);
    expect(added).toBeLessThanOrEqual(0.01);
    // And the read ones are really there, hidden: Show reveals them.
    const hidden = await page.locator('article[data-paper-queue-read]').count();
    expect(hidden).toBeGreaterThanOrEqual(read.length);
    await page.close();
  });
});

describe('in-page re-renders', () => {
  it('decorate and hide cards the site renders in an animation-frame callback, in that frame', async () => {
    const [unread, read] = ['2603.90001', '2603.90002'];
    await markRead([read]);
    const page = await visit(PAGES['2024'].path);
    await page.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    await settled(page);
    // Rendered in a requestAnimationFrame callback, as a framework's scheduler does.
    expectDecoratedInFrame(await page.evaluate(renderInFrame, unreadThenRead(unread, read)));
    await page.close();
  });

  it('hide a read card in the same frame the site renders it', async () => {
    const { path, fixture } = PAGES['2024'];
    const ids = readProps(fixture).dailyPapers.map((e) => e.paper.id);
    const read = ids.slice(0, 2);
    await markRead(read);
    const page = await visit(path);
    await page.locator('[data-paper-queue-id]').first().waitFor({ state: 'attached' });
    await settled(page);
    // The site re-renders the list (a search, a tab switch): new elements for the same cards.
    await page.evaluate(() => {
      const log = (window as unknown as { __firstPaint: { displayed: string[] } }).__firstPaint;
      log.displayed.length = 0;
      // The list: the element that holds every card (its top keeps the bar's room).
      const list = document.querySelector('[data-paper-queue-bar-slot]') as HTMLElement;
      const markup = [...list.children]
        .map((card) => {
          const copy = card.cloneNode(true) as Element;
          for (const el of [copy, ...copy.querySelectorAll('*')]) {
            for (const attr of [...el.attributes]) {
              if (attr.name.startsWith('data-paper-queue')) el.removeAttribute(attr.name);
            }
          }
          for (const host of copy.querySelectorAll('[data-paper-queue-id]')) host.remove();
          return copy.outerHTML;
        })
        .join('');
      list.innerHTML = markup;
    });
    await eventually(async () =>
      expect(await page.locator('[data-paper-queue-id]').count()).toBe(ids.length),
    );
    await settled(page);
    const log = await logOf(page);
    expect(log.displayed.filter((id) => read.includes(id))).toEqual([]);
    expect(log.displayed.length).toBeGreaterThan(0);
    await page.close();
  });
});
