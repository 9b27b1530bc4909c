// The core flow in real Firefox: dist-firefox/ as a temporary add-on in headless Firefox ESR,
// on the saved pages, driven by puppeteer-core over WebDriver BiDi.
import { describe, expect, it } from 'vitest';
import { runAxe } from '../support/axe';
import { eventually } from '../support/extension-session';
import { clickSave, controlStates, useFirefoxSession } from '../support/firefox-session';
import { readProps } from '../support/fixtures';

const session = useFirefoxSession();

describe.each([
  ['/papers/date/2024-08-01', 'hf/listing-2024-08-01.html', 1],
  ['/papers/trending', 'hf/trending-2026-10.excerpt.html', 2],
])('Firefox: controls on %s', (path, fixture, copies) => {
  const ids = readProps(fixture).dailyPapers.map((entry) => entry.paper.id);

  it('appear on every card copy, each with an enabled Save and Read toggle', async () => {
    const page = await session.openSite(path);
    const shownIds = () =>
      page.$$eval('[data-paper-queue-id]', (hosts) =>
        hosts.map((host) => host.getAttribute('data-paper-queue-id')),
      );
    await eventually(async () => expect(await shownIds()).toHaveLength(ids.length * copies), 5000);
    expect([...new Set(await shownIds())]).toEqual(ids);
    for (const id of ids) {
      await eventually(async () => {
        expect(await controlStates(page, id)).toEqual(
          Array(copies).fill({ saved: 'false', read: 'false', enabled: true }),
        );
      }, 5000);
    }
    await page.close();
  });
});

describe('Firefox: a saved paper', () => {
  const id = '2609.20519';
  const title = 'SoL-Pi: Recursively Scaling Auto-Research Loops for Efficient Agent Harness';

  it('shows on both copies of a 2026 card and survives a reload', async () => {
    const page = await session.openSite('/papers/trending');
    await eventually(async () => expect((await controlStates(page, id))[0]?.enabled).toBe(true));
    await clickSave(page, id);
    await eventually(async () => {
      expect((await controlStates(page, id)).map((s) => s.saved)).toEqual(['true', 'true']);
    }, 5000);
    await page.reload();
    await page.waitForSelector('[data-paper-queue-id]');
    await eventually(async () => {
      expect(await controlStates(page, id)).toEqual(
        Array(2).fill({ saved: 'true', read: 'false', enabled: true }),
      );
    }, 5000);
    await page.close();
  });

  it('is listed in the popup', async () => {
    const popup = await session.openPopup();
    const listed = () =>
      popup.$$eval('li[data-paper-id]', (items) =>
        items.map((li) => ({
          id: li.getAttribute('data-paper-id'),
          title: li.querySelector('a.title')?.textContent,
          href: li.querySelector('a.title')?.getAttribute('href'),
        })),
      );
    await eventually(async () => {
      expect(await listed()).toEqual([{ id, title, href: `https://huggingface.co/papers/${id}` }]);
    }, 5000);
    await popup.close();
  });
});

describe('Firefox: the popup and an open tab', () => {
  it('marks read and removes in the popup, and the card in the tab follows', async () => {
    const id = '2609.20519';
    const page = await session.openSite('/papers/trending');
    await eventually(async () => expect((await controlStates(page, id))[0]?.saved).toBe('true'));
    const popup = await session.openPopup();
    const item = `li[data-paper-id="${id}"]`;
    await popup.locator(`${item} button[title^="Mark as read"]`).click();
    await eventually(async () => {
      expect((await controlStates(page, id)).map((s) => s.read)).toEqual(['true', 'true']);
    }, 5000);
    await popup.locator(`${item} button[title^="Remove from queue"]`).click();
    await eventually(async () => {
      expect((await controlStates(page, id)).map((s) => s.saved)).toEqual(['false', 'false']);
    }, 5000);
    // The row keeps its place until the pointer leaves the list.
    await popup.hover('h1');
    await eventually(async () => expect(await popup.$$(item)).toHaveLength(0), 5000);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: read papers out of the way', () => {
  it('dims a card read from its own button, hides it on the next visit, and counts it', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const id = '2407.21770';
    // A real key press on the focused button: trusted, as the content script requires, and
    // this tests the filter, not pointer aiming (a click can land on the next card's link
    // while the page scrolls the button into view).
    const read = await page.waitForSelector(`[data-paper-queue-id="${id}"] >>> button.read`);
    await read?.focus();
    await page.keyboard.press('Enter');
    const hidden = () =>
      page.evaluate((paper) => {
        const card = document.querySelector(`[data-paper-queue-id="${paper}"]`)?.closest('article');
        return card ? getComputedStyle(card).display === 'none' : null;
      }, id);
    await eventually(async () => expect(await hidden()).toBe(false), 5000);
    // Styled through ::part() by the manifest's page.css: the pressed look, in Firefox too.
    const readLook = () =>
      page.evaluate((paper) => {
        const host = document.querySelector(`[data-paper-queue-id="${paper}"]`);
        const button = host?.shadowRoot?.querySelector('button.read');
        return button ? getComputedStyle(button).backgroundColor : null;
      }, id);
    await eventually(async () => expect(await readLook()).toBe('rgb(4, 120, 87)'), 5000);
    await page.reload();
    await eventually(async () => expect(await hidden()).toBe(true), 5000);
    const status = () =>
      page.evaluate(
        () =>
          document
            .querySelector('[data-paper-queue-ui="bar"]')
            ?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
      );
    await eventually(async () => expect(await status()).toContain('read paper'), 5000);
    await page.close();
  });
});

describe('Firefox: the popup, readable and in reach (issue #20)', () => {
  const ids = ['2609.08977', '2403.08299'];

  it('has the same type scale, Export / Import in one click, and no serious axe finding', async () => {
    // The listing records the papers; the popup saves them, as its own messages would.
    const page = await session.openSite('/papers/trending');
    await page.close();
    let popup = await session.openPopup();
    await popup.evaluate(async (list) => {
      const { browser } = globalThis as unknown as {
        browser: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } };
      };
      for (const id of list)
        await browser.runtime.sendMessage({ type: 'paper.mark', id, at: Date.now(), saved: true });
    }, ids);
    await popup.close();
    popup = await session.openPopup();
    await popup.waitForSelector(`li[data-paper-id="${ids[1]}"]`);
    const sizes = await popup.evaluate(() => {
      const size = (el: Element | null) =>
        el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0;
      const texts: number[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent && node.textContent?.trim() && parent.getClientRects().length > 0) {
          texts.push(size(parent));
        }
      }
      return {
        body: size(document.body),
        title: size(document.querySelector('.title')),
        smallest: Math.min(...texts),
      };
    });
    expect(sizes).toEqual({ body: 14, title: 14, smallest: 12 });
    const axe = await runAxe(popup);
    expect(axe.serious).toEqual([]);

    await popup.click('.popup-toggle');
    await popup.waitForSelector('#popup-transfer h2', { visible: true });
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Export / Import');
    expect(await popup.$eval('ul.queue', (ul) => ul.getClientRects().length)).toBe(0);
    await popup.click('.popup-toggle');
    await popup.waitForSelector('ul.queue', { visible: true });
    await popup.close();
  });

  it('keeps spaces in a typed tag, and a clicked row in place until the pointer leaves', async () => {
    const popup = await session.openPopup();
    const item = `li[data-paper-id="${ids[0]}"]`;
    await popup.waitForSelector(item);
    await popup.click(`${item} .item-tools button[aria-expanded]`);
    await popup.waitForSelector(`${item} form textarea`);
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('Reinforcement Learning, #rl');
    await popup.keyboard.press('Enter');
    await eventually(async () => {
      expect(await popup.$eval(`${item} ul.tags`, (ul) => ul.textContent)).toBe(
        '#reinforcement learning#rl',
      );
    }, 5000);

    // The Queue view, then Mark read by a click: the row stays, turned into Mark unread.
    await popup.click('.views button');
    await popup.click(`${item} button[title^="Mark as read"]`);
    await eventually(async () => {
      expect(
        await popup.$eval(`${item} .item-actions button[aria-pressed]`, (b) => b.textContent),
      ).toBe('Mark unread');
    }, 5000);
    await popup.hover('h1');
    await eventually(async () => expect(await popup.$$(item)).toHaveLength(0), 5000);
    await popup.close();
  });
});

describe('Firefox: offline', () => {
  it('refuses every request the fixtures do not answer', async () => {
    const page = await session.openSite('/papers/trending');
    await expect(page.goto('https://example.com/')).rejects.toThrow();
    await page.close();
  });
});

describe('Firefox: mute and highlight rules (issue #21)', () => {
  it('hides a card a word in the library mutes, counts it, keeps a saved one, and Show reveals', async () => {
    const tora = '2407.21705';
    const sampling = '2407.21475';
    const listing = await session.openSite('/papers/date/2024-08-01');
    await eventually(async () =>
      expect((await controlStates(listing, sampling))[0]?.enabled).toBe(true),
    );
    await clickSave(listing, sampling);
    await eventually(async () => {
      expect((await controlStates(listing, sampling))[0]?.saved).toBe('true');
    }, 5000);
    // The library's own field, found by its label, as a user types into it.
    const library = await session.browser.newPage();
    const url = `${session.extensionBase}src/library/index.html`;
    library.goto(url).catch(() => undefined);
    const field = await library.waitForSelector('::-p-aria([name="Muted words"][role="textbox"])', {
      timeout: 15_000,
    });
    await field?.type('diffusion, "zero-shot video"');
    const shown = (id: string) =>
      listing.evaluate((paper) => {
        const card = document.querySelector(`[data-paper-queue-id="${paper}"]`)?.closest('article');
        return card ? card.getClientRects().length > 0 : null;
      }, id);
    await eventually(async () => expect(await shown(tora)).toBe(false), 5000);
    expect(await shown(sampling)).toBe(true);
    const status = () =>
      listing.evaluate(
        () =>
          document
            .querySelector('[data-paper-queue-ui="bar"]')
            ?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
      );
    await eventually(async () => expect(await status()).toContain('1 muted'), 5000);
    // A real key press on the focused button: trusted, and no pointer aiming in a bar that
    // scrolls sideways when the window is narrow.
    const reveal = await listing.waitForSelector(
      '[data-paper-queue-ui="bar"] >>> button[aria-label="Show muted papers"]',
    );
    await listing.bringToFront();
    await reveal?.focus();
    await listing.keyboard.press('Enter');
    await eventually(async () => expect(await shown(tora)).toBe(true), 5000);
    const reason = await listing.evaluate(
      (paper) =>
        document
          .querySelector(`[data-paper-queue-id="${paper}"]`)
          ?.shadowRoot?.querySelector('[part~="rule"]')?.textContent,
      tora,
    );
    expect(reason).toBe('Muted: word “diffusion”');
    // Rules go away as they came: the field emptied, every tab follows.
    await library.bringToFront();
    await field?.focus();
    await field?.evaluate((el) => (el as HTMLTextAreaElement).select());
    await library.keyboard.press('Backspace');
    await library.keyboard.press('Tab');
    await eventually(async () => expect(await status()).not.toContain('muted'), 5000);
    await library.close();
    await listing.close();
  });
});
