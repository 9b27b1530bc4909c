// Read papers out of the way, mark all + undo, keyboard triage and the toolbar badge.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { readProps } from '../support/fixtures';

const LISTING = '/papers/date/2024-08-01';
const IDS = readProps('hf/listing-2024-08-01.html').dailyPapers.map((e) => e.paper.id);

const session = useExtensionSession();

const bar = (page: Page) => page.locator('[data-paper-queue-ui="bar"]');
const card = (page: Page, id: string) =>
  page.locator('article').filter({ has: controlsOf(page, id) });
const visibleCards = (page: Page) =>
  page
    .locator('article')
    .evaluateAll((all) => all.filter((a) => a.getClientRects().length > 0).length);
const pressed = (page: Page, id: string, which: typeof saveButton) =>
  which(controlsOf(page, id)).first().getAttribute('aria-pressed');
/** A dimmed card wears a veil (its ::after) over its content, under its controls. */
const veil = (page: Page, id: string) =>
  card(page, id).evaluate((el) => {
    const after = getComputedStyle(el, '::after');
    return after.content === 'none' ? 'none' : after.backgroundColor;
  });
const VEIL = 'rgba(255, 255, 255, 0.55)';
/** The element that has focus, inside shadow roots too. */
const deepFocus = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const root = active?.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      text: active?.textContent?.trim() ?? null,
      host: host?.getAttribute('data-paper-queue-ui') ?? null,
    };
  });

async function setStates(page: Page, marks: Record<string, { saved?: boolean; read?: boolean }>) {
  await page.evaluate(() => undefined); // page is ready
  const popup = await session.openPopup();
  await popup.evaluate(async (m) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage: (msg: unknown) => Promise<{ ok: boolean }> } };
    };
    const reply = await chrome.runtime.sendMessage({
      type: 'papers.set',
      at: Date.now(),
      marks: m,
    });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
  }, marks);
  await popup.close();
}

async function badgeText(): Promise<string> {
  return session.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { action: { getBadgeText: (d: object) => Promise<string> } };
    };
    return chrome.action.getBadgeText({});
  });
}

describe('read papers out of the way', () => {
  it('hides read cards by default, counts them, and Show reveals them for this page', async () => {
    const page = await session.openSite(LISTING);
    await setStates(page, {
      [IDS[0] as string]: { read: true },
      [IDS[1] as string]: { read: true },
    });
    await eventually(async () => expect(await visibleCards(page)).toBe(IDS.length - 2));
    await eventually(async () =>
      expect(await bar(page).getByRole('status').textContent()).toContain('2 read papers hidden'),
    );
    expect(
      await bar(page).getByRole('button', { name: 'Hide read' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await bar(page).getByRole('button', { name: 'Show', exact: true }).click();
    await eventually(async () => expect(await visibleCards(page)).toBe(IDS.length));
    await page.reload();
    await eventually(async () => expect(await visibleCards(page)).toBe(IDS.length - 2));
    await page.close();
  });

  it('dims read cards in Dim mode, in every open tab', async () => {
    const a = await session.openSite(LISTING);
    const b = await session.openSite(LISTING);
    await bar(a).getByRole('button', { name: 'Dim read' }).click();
    for (const page of [a, b]) {
      await eventually(async () => expect(await visibleCards(page)).toBe(IDS.length));
      await eventually(async () => expect(await veil(page, IDS[0] as string)).toBe(VEIL));
      expect(await veil(page, IDS[2] as string)).toBe('none');
      // The card fades, not its controls: they keep their own, full colours.
      expect(
        await card(page, IDS[0] as string).evaluate((el) => getComputedStyle(el).opacity),
      ).toBe('1');
    }
    await bar(b).getByRole('button', { name: 'Hide read' }).click();
    await eventually(async () => expect(await visibleCards(a)).toBe(IDS.length - 2));
    await a.close();
    await b.close();
  });

  it('says so when everything on the page is read, instead of looking empty', async () => {
    const page = await session.openSite(LISTING);
    await bar(page).getByRole('button', { name: 'Mark all read' }).click();
    await eventually(async () => expect(await visibleCards(page)).toBe(0));
    await eventually(async () =>
      expect(await bar(page).getByRole('status').textContent()).toContain(
        `All ${IDS.length} papers on this page are read`,
      ),
    );
    // The bar takes no height of its own (it shows in the room the list keeps): its content is seen.
    expect(await bar(page).locator('.bar').isVisible()).toBe(true);
    await page.close();
  });

  it('undoes "mark all" and restores every card’s previous state', async () => {
    await setStates(
      await session.openSite(LISTING),
      Object.fromEntries(IDS.map((id, i) => [id, { read: i < 2, saved: i === 3 }])),
    );
    const page = await session.openSite(LISTING);
    await eventually(async () => expect(await visibleCards(page)).toBe(IDS.length - 2));
    await bar(page).getByRole('button', { name: 'Mark all read' }).click();
    await eventually(async () => expect(await visibleCards(page)).toBe(0));
    await page
      .locator('[data-paper-queue-ui="toast"]')
      .getByRole('button', { name: 'Undo' })
      .click();
    await eventually(async () => expect(await visibleCards(page)).toBe(IDS.length - 2));
    await bar(page).getByRole('button', { name: 'Show', exact: true }).click();
    for (const [i, id] of IDS.entries()) {
      expect(await pressed(page, id, readButton)).toBe(String(i < 2));
      expect(await pressed(page, id, saveButton)).toBe(String(i === 3));
    }
    await page.close();
  });
});

describe('keyboard triage', () => {
  it('moves a visible focus with j/k, saves with s, reads with r, undoes with u', async () => {
    await setStates(
      await session.openSite(LISTING),
      Object.fromEntries(IDS.map((id) => [id, { read: false, saved: false }])),
    );
    const page = await session.openSite(LISTING);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    const focused = page.locator('article[data-paper-queue-focus]');
    await eventually(async () => expect(await focused.count()).toBe(1));
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focused.locator('[data-paper-queue-id]').getAttribute('data-paper-queue-id')).toBe(
      IDS[0],
    );
    await page.keyboard.press('s');
    await eventually(async () =>
      expect(await pressed(page, IDS[0] as string, saveButton)).toBe('true'),
    );
    await page.keyboard.press('r');
    // Read from its own card: it stays in view, dimmed, until the next visit.
    await eventually(async () =>
      expect(await pressed(page, IDS[0] as string, readButton)).toBe('true'),
    );
    expect(await visibleCards(page)).toBe(IDS.length);
    expect(await veil(page, IDS[0] as string)).toBe(VEIL);
    await page.keyboard.press('u');
    await eventually(async () =>
      expect(await pressed(page, IDS[0] as string, readButton)).toBe('false'),
    );
    expect(await pressed(page, IDS[0] as string, saveButton)).toBe('true');
    await page.keyboard.press('?');
    await eventually(async () =>
      expect(
        await page.getByRole('dialog', { name: 'Paper Queue keyboard shortcuts' }).isVisible(),
      ).toBe(true),
    );
    await page.close();
  });

  it('ignores the keys while typing in the search field or with a modifier held', async () => {
    const page = await session.openSite(LISTING);
    const search = page.locator('input[type="text"]').first();
    await search.click();
    await page.keyboard.type('jsr');
    expect(await search.inputValue()).toBe('jsr');
    expect(await page.locator('article[data-paper-queue-focus]').count()).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+j');
    expect(await page.locator('article[data-paper-queue-focus]').count()).toBe(0);
    await page.close();
  });
});

describe('the keys dialog and the undo toast', () => {
  it('is a real dialog: Escape closes it, Tab stays inside, focus goes back', async () => {
    const page = await session.openSite(LISTING);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    const focused = page.locator('article[data-paper-queue-focus]');
    await eventually(async () => expect(await focused.count()).toBe(1));
    const title = await focused.locator('h3 > a').first().textContent();
    expect((await deepFocus(page)).text).toBe(title?.trim());

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Paper Queue keyboard shortcuts' });
    await eventually(async () => expect(await dialog.isVisible()).toBe(true));
    expect(await deepFocus(page)).toEqual({ tag: 'button', text: 'Close', host: 'keys' });
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await deepFocus(page)).toEqual({ tag: 'button', text: 'Close', host: 'keys' });
    }
    // The page behind is inert: j does not move the cards' focus.
    await page.keyboard.press('j');
    expect(await focused.locator('h3 > a').first().textContent()).toBe(title);
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.isVisible()).toBe(false));
    expect((await deepFocus(page)).text).toBe(title?.trim());

    // Opened from the bar's Keys button (named as it reads), it gives focus back to that button.
    const keys = bar(page).getByRole('button', { name: 'Keys', exact: true });
    await keys.click();
    await eventually(async () => expect(await dialog.isVisible()).toBe(true));
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.isVisible()).toBe(false));
    expect(await deepFocus(page)).toEqual({ tag: 'button', text: 'Keys', host: 'bar' });
    // A click beside the dialog closes it too.
    await keys.click();
    await eventually(async () => expect(await dialog.isVisible()).toBe(true));
    await page.mouse.click(5, 5);
    await eventually(async () => expect(await dialog.isVisible()).toBe(false));
    await page.close();
  });

  it('never leaves the toast over a card’s controls', async () => {
    await setStates(
      await session.openSite(LISTING),
      Object.fromEntries(IDS.map((id) => [id, { read: false, saved: false }])),
    );
    const page = await session.openSite(LISTING);
    const toast = page.locator('[data-paper-queue-ui="toast"]').getByRole('status');
    /** Hosts whose box meets the toast's box. */
    const covered = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-paper-queue-ui="toast"]');
        const box = host?.shadowRoot?.querySelector('.toast')?.getBoundingClientRect();
        if (!box || box.width === 0) return null;
        return [...document.querySelectorAll('[data-paper-queue-id]')]
          .filter((h) => {
            const r = h.getBoundingClientRect();
            return (
              r.width > 0 &&
              r.left < box.right &&
              r.right > box.left &&
              r.top < box.bottom &&
              r.bottom > box.top
            );
          })
          .map((h) => h.getAttribute('data-paper-queue-id'));
      });
    /** Scrolls the page so the host of `id` sits where the toast shows (bottom left). */
    const scrollUnderToast = (id: string) =>
      page.evaluate((paper) => {
        const host = document.querySelector(`[data-paper-queue-id="${paper}"]`);
        const r = host?.getBoundingClientRect();
        if (r) window.scrollBy(0, r.bottom - (window.innerHeight - 30));
      }, id);

    await scrollUnderToast(IDS[1] as string);
    // Save the card above it (a real click); the toast shows, but not over IDS[1]'s buttons.
    await saveButton(controlsOf(page, IDS[0] as string)).click();
    await eventually(async () => expect(await toast.isVisible()).toBe(true));
    expect(await covered()).toEqual([]);
    // Scrolling brings other cards' controls under it: it moves off them again.
    for (const id of IDS.slice(2, 6)) {
      await scrollUnderToast(id);
      await eventually(async () => expect(await covered()).toEqual([]));
    }
    // Its Undo is still there to press.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () =>
      expect(await pressed(page, IDS[0] as string, saveButton)).toBe('false'),
    );
    await page.close();
  });
});

describe('the toolbar badge', () => {
  it('counts unread saved papers after changes in two tabs', async () => {
    const a = await session.openSite(LISTING);
    const b = await session.openSite('/papers/trending');
    const everything = [...IDS, '2609.20519'];
    await setStates(
      a,
      Object.fromEntries(everything.map((id) => [id, { read: false, saved: false }])),
    );
    await eventually(async () => expect(await badgeText()).toBe(''));
    await saveButton(controlsOf(a, IDS[4] as string))
      .first()
      .click();
    await saveButton(controlsOf(b, '2609.20519')).first().click();
    await eventually(async () => expect(await badgeText()).toBe('2'), 5000);
    await readButton(controlsOf(b, '2609.20519')).first().click();
    await eventually(async () => expect(await badgeText()).toBe('1'), 5000);
    await a.close();
    await b.close();
  });
});
