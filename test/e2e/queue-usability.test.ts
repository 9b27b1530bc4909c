// The queue pages as a new user meets them (issue #20): readable type in Chromium, a popup
// whose header and Export / Import stay in reach, rows that keep their place after a click,
// Undo in view, a list that is one Tab stop, tags and notes with their limits said, and the
// library's Jump to links, Your data and empty exports. Real clicks and key presses
// throughout; text is typed, not filled, wherever typing is what is tested.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, eventually, startSession } from '../support/extension-session';
import { LISTING_2024, readProps } from '../support/fixtures';

const LISTING = '/papers/date/2024-08-01';
const IDS = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);
/** Saved, so the popup's list is longer than the popup. */
const SAVED = IDS.slice(0, 10);
const soon = (check: () => Promise<void>) => eventually(check, 5000);

let session: ExtensionSession;
beforeAll(async () => {
  session = await startSession();
  // Opening the listing records the papers' titles; then save ten of them, one after
  // another (each at its own time, so the order of the list is known: newest first).
  const page = await session.openSite(LISTING);
  await page.close();
  await send(...SAVED.map((id) => ({ type: 'paper.mark', id, at: 'now', saved: true })));
});
afterAll(() => session?.close());

/**
 * Sends messages to the background from an extension page, one after another, as the popup
 * does; `at: 'now'` becomes the page's clock when each is sent (decisions carry their time).
 */
async function send(...messages: object[]): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
  const failed = await page.evaluate(async (list) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage: (msg: unknown) => Promise<{ ok: boolean }> } };
    };
    for (const message of list as { at?: unknown }[]) {
      const stamped = message.at === 'now' ? { ...message, at: Date.now() } : message;
      const reply = await chrome.runtime.sendMessage(stamped);
      if (!reply.ok) return JSON.stringify(reply);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return null;
  }, messages);
  await page.close();
  if (failed) throw new Error(failed);
}
/** Newest saved first. */
const NEWEST = [...SAVED].reverse();
/** The popup's height: its body's, since the tab's viewport (600 px) is taller. */
const popupHeight = (page: Page) =>
  page.evaluate(() => document.body.getBoundingClientRect().height);

async function openPopup(): Promise<Page> {
  const popup = await session.openPopup();
  await popup.locator('li[data-paper-id]').first().waitFor();
  return popup;
}

async function openLibrary(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/library/index.html`);
  await page.locator('li[data-paper-id]').first().waitFor();
  return page;
}

const rowIds = (page: Page) =>
  page
    .locator('ul.queue > li[data-paper-id]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-paper-id') as string));
const row = (page: Page, id: string) => page.locator(`li[data-paper-id="${id}"]`);
const viewButton = (page: Page, name: RegExp) =>
  page.getByRole('group', { name: 'Views' }).getByRole('button', { name });
const leaveList = (page: Page) => page.locator('h1').hover();
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.getAttribute('aria-label') || el?.textContent || '').trim(),
      row: el?.closest('li[data-paper-id]')?.getAttribute('data-paper-id') ?? null,
    };
  });
/** Whether the element is on screen: inside the viewport and the topmost thing at its centre. */
const onScreen = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.top < 0 || r.bottom > innerHeight) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  }, selector);
/** The smallest font size of any visible text on the page, and the paper titles' sizes. */
const typeSizes = (page: Page) =>
  page.evaluate(() => {
    const sizes: number[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.getClientRects().length === 0) continue;
      sizes.push(Number.parseFloat(getComputedStyle(parent).fontSize));
    }
    const titles = [...document.querySelectorAll('.title')].map((t) =>
      Number.parseFloat(getComputedStyle(t).fontSize),
    );
    return { smallest: Math.min(...sizes), titles };
  });

describe('readable type', () => {
  it('sets its own sizes in Chrome: titles 14 px, no text under 12 px', async () => {
    const popup = await openPopup();
    // Chrome's own extension-page style says body { font-size: 75% }: it must not win.
    expect(await popup.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
    const inPopup = await typeSizes(popup);
    expect(inPopup.smallest).toBeGreaterThanOrEqual(12);
    expect(Math.min(...inPopup.titles)).toBeGreaterThanOrEqual(13);
    await popup.close();

    const library = await openLibrary();
    const inLibrary = await typeSizes(library);
    expect(inLibrary.smallest).toBeGreaterThanOrEqual(12);
    expect(Math.min(...inLibrary.titles)).toBeGreaterThanOrEqual(13);
    const label = library.getByRole('region', { name: 'Settings' }).getByText('Dim them');
    expect(await label.evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
    await library.close();
  });
});

describe('the popup keeps its actions in reach', () => {
  it('holds its header still while the list scrolls, and never grows past 580 px', async () => {
    const popup = await openPopup();
    await soon(async () => expect(await rowIds(popup)).toHaveLength(SAVED.length));
    const search = popup.getByRole('searchbox', { name: 'Search saved papers' });
    const before = await search.boundingBox();
    expect(await popupHeight(popup)).toBeLessThanOrEqual(580);
    // A real wheel over the list scrolls the list's pane, not the page.
    await popup.mouse.move(200, 400);
    await popup.mouse.wheel(0, 3000);
    await soon(async () =>
      expect(await popup.locator('.queue-body').evaluate((el) => el.scrollTop)).toBeGreaterThan(0),
    );
    expect(await search.boundingBox()).toEqual(before);
    expect(await onScreen(popup, '.popup-toggle')).toBe(true);
    await popup.close();
  });

  it('shows every header button whole inside its 400 px (Chrome adds a third)', async () => {
    const popup = await openPopup();
    const header = popup.locator('.popup-header');
    await popup.getByRole('button', { name: 'Open beside the page' }).waitFor();
    const { body, buttons } = await header.evaluate((el) => ({
      body: document.body.getBoundingClientRect().toJSON() as DOMRect,
      buttons: [...el.querySelectorAll('button')].map((b) => ({
        name: b.textContent,
        box: b.getBoundingClientRect().toJSON() as DOMRect,
        clipped: b.scrollWidth > b.clientWidth,
      })),
    }));
    expect(buttons).toHaveLength(3);
    for (const { name, box, clipped } of buttons) {
      expect({ name, inside: box.left >= body.left && box.right <= body.right }).toEqual({
        name,
        inside: true,
      });
      expect({ name, clipped }).toEqual({ name, clipped: false });
    }
    await popup.close();
  });

  it('reaches Export / Import with one Tab and opens it in view, then goes back', async () => {
    const popup = await openPopup();
    await popup.keyboard.press('Tab');
    expect(await focused(popup)).toMatchObject({ tag: 'button', text: 'Export / Import' });
    await popup.keyboard.press('Enter');
    const heading = popup.getByRole('heading', { name: 'Export / Import' });
    await soon(async () => expect(await heading.isVisible()).toBe(true));
    expect(await focused(popup)).toMatchObject({ tag: 'h2', text: 'Export / Import' });
    expect(await onScreen(popup, '#popup-transfer h2')).toBe(true);
    expect(await popup.getByRole('button', { name: 'Download' }).isVisible()).toBe(true);
    // The list is out of sight meanwhile, and its keys with it.
    expect(await popup.locator('ul.queue').isVisible()).toBe(false);
    await popup.keyboard.press('j');
    expect(await popup.locator('li[aria-current]').count()).toBe(0);

    await popup.getByRole('button', { name: 'Back to the queue' }).click();
    await soon(async () => expect(await popup.locator('ul.queue').isVisible()).toBe(true));
    expect(await focused(popup)).toMatchObject({ text: 'Export / Import' });
    await popup.close();
  });

  it('takes one Tab stop for the whole list; arrows move between papers', async () => {
    const popup = await openPopup();
    await popup.getByRole('searchbox', { name: 'Search saved papers' }).click();
    const seen: (string | null)[] = [];
    for (let i = 0; i < 20; i++) {
      await popup.keyboard.press('Tab');
      seen.push((await focused(popup)).row);
    }
    const inRows = seen.filter(Boolean);
    // Only the first paper's controls, then out of the list (and round again).
    expect(new Set(inRows)).toEqual(new Set([NEWEST[0]]));
    const first = seen.indexOf(NEWEST[0] as string);
    const left = seen.indexOf(null, first);
    expect(left - first).toBeLessThanOrEqual(6);

    await row(popup, NEWEST[0] as string)
      .locator('.title')
      .focus();
    await popup.keyboard.press('ArrowDown');
    await soon(async () => expect((await focused(popup)).row).toBe(NEWEST[1]));
    // And now Tab reaches that paper's buttons.
    await popup.keyboard.press('Tab');
    expect(await focused(popup)).toMatchObject({ row: NEWEST[1], tag: 'a' });
    await popup.close();
  });
});

describe('no misclick costs a paper', () => {
  it('marks one paper on a double click, and keeps the row until the pointer leaves', async () => {
    const popup = await openPopup();
    await viewButton(popup, /^Queue/).click();
    const [first, second] = (await rowIds(popup)) as [string, string];
    await row(popup, first).getByRole('button', { name: 'Mark read' }).dblclick();
    // The first click marked it read; the second found "Mark unread" in the same place and
    // did nothing: one paper read, the next one untouched, nothing moved.
    await soon(async () =>
      expect(await row(popup, first).getByRole('button', { name: 'Mark unread' }).count()).toBe(1),
    );
    expect((await rowIds(popup)).slice(0, 2)).toEqual([first, second]);
    expect(await row(popup, second).getByRole('button', { name: 'Mark read' }).count()).toBe(1);
    await soon(async () => expect(await viewButton(popup, /^Read/).textContent()).toMatch(/1/));
    const undo = popup.getByRole('status').filter({ hasText: /Marked .* read/ });
    expect(await onScreen(popup, '.undo-bar')).toBe(true);

    await leaveList(popup);
    await soon(async () => expect((await rowIds(popup))[0]).toBe(second));
    await undo.getByRole('button', { name: 'Undo' }).click();
    await soon(async () => expect((await rowIds(popup))[0]).toBe(first));
    await popup.close();
  });

  it('keeps a removed row in place with Put back, and Undo in view down a scrolled list', async () => {
    const popup = await openPopup();
    await soon(async () => expect(await rowIds(popup)).toEqual(NEWEST));
    const last = NEWEST.at(-1) as string;
    await popup.mouse.move(200, 400);
    await popup.mouse.wheel(0, 5000);
    const remove = row(popup, last).getByRole('button', { name: 'Remove' });
    await remove.click();
    const putBack = row(popup, last).getByRole('button', { name: 'Put back' });
    await soon(async () => expect(await putBack.count()).toBe(1));
    expect((await rowIds(popup)).at(-1)).toBe(last);
    // The undo bar is on screen, though the list was scrolled to its end.
    const undo = popup.getByRole('status').filter({ hasText: /Removed/ });
    await soon(async () => expect(await undo.isVisible()).toBe(true));
    expect(await onScreen(popup, '.undo-bar')).toBe(true);

    // Put back (a double click too: it stays one action) saves it again, as it was.
    await putBack.dblclick();
    await soon(async () =>
      expect(await row(popup, last).getByRole('button', { name: 'Remove' }).count()).toBe(1),
    );
    await leaveList(popup);
    await popup.waitForTimeout(300);
    expect(await rowIds(popup)).toContain(last);

    // Removed for real: gone once the pointer leaves, with Undo still in view.
    await row(popup, last).getByRole('button', { name: 'Remove' }).click();
    await leaveList(popup);
    await soon(async () => expect(await rowIds(popup)).not.toContain(last));
    expect(await onScreen(popup, '.undo-bar')).toBe(true);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await soon(async () => expect(await rowIds(popup)).toContain(last));
    await popup.close();
  });

  it('offers Undo in view after a bulk action far down the library', async () => {
    const library = await openLibrary();
    await library.setViewportSize({ width: 1280, height: 600 });
    const last = (await rowIds(library)).at(-1) as string;
    await row(library, last)
      .getByRole('checkbox', { name: /Select/ })
      .check();
    await library.getByRole('button', { name: 'Remove selected' }).click();
    await soon(async () => expect(await rowIds(library)).not.toContain(last));
    expect(await library.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(await onScreen(library, '.undo-bar')).toBe(true);
    await library.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await soon(async () => expect(await rowIds(library)).toContain(last));
    await library.close();
  });
});

describe('tags and notes', () => {
  /** Opens a row's editor with a click; focus lands in the note. */
  async function edit(page: Page, id: string) {
    const item = row(page, id);
    await item.getByRole('button', { name: /note\/tags/ }).click();
    const editor = item.getByRole('form', { name: /Note and tags/ });
    await editor.waitFor();
    return editor;
  }

  it('keeps spaces inside a tag, drops a typed #, and suggests tags in use', async () => {
    const popup = await openPopup();
    const [a, b] = (await rowIds(popup)) as [string, string];
    await edit(popup, a);
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('Reinforcement Learning, #rl');
    await popup.keyboard.press('Enter');
    await soon(async () =>
      expect(await row(popup, a).getByRole('list', { name: 'Tags' }).textContent()).toBe(
        '#reinforcement learning#rl',
      ),
    );

    const editor = await edit(popup, b);
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('rein');
    const tags = editor.getByRole('combobox', { name: /Tags/ });
    expect(await tags.getAttribute('aria-expanded')).toBe('true');
    const option = editor.getByRole('option', { name: '#reinforcement learning' });
    expect(await option.isVisible()).toBe(true);
    await popup.keyboard.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Enter');
    expect(await tags.inputValue()).toBe('reinforcement learning, ');
    expect(await editor.isVisible()).toBe(true);
    // Escape closes the suggestions first, then the editor, which keeps nothing.
    await popup.keyboard.type('r');
    expect(await tags.getAttribute('aria-expanded')).toBe('true');
    await popup.keyboard.press('Escape');
    expect(await tags.getAttribute('aria-expanded')).toBe('false');
    expect(await editor.isVisible()).toBe(true);
    await popup.keyboard.press('Backspace');
    await popup.keyboard.press('Enter');
    await soon(async () =>
      expect(await row(popup, b).getByRole('list', { name: 'Tags' }).textContent()).toBe(
        '#reinforcement learning',
      ),
    );
    // The tag filter shows it once, with one #.
    expect(
      await popup
        .getByRole('combobox', { name: 'Filter by tag' })
        .locator('option')
        .allTextContents(),
    ).toContain('#reinforcement learning (2)');
    await popup.close();
  });

  it('says a limit is near, and saves nothing past it instead of cutting', async () => {
    const popup = await openPopup();
    const id = (await rowIds(popup))[2] as string;
    let editor = await edit(popup, id);
    // The note: 9,995 characters arrive at once (as a paste), six more are typed.
    await popup.keyboard.insertText('x'.repeat(9995));
    await popup.keyboard.type('123456');
    const note = editor.getByRole('textbox', { name: 'Note' });
    expect(await note.inputValue()).toHaveLength(10_001);
    expect(await editor.textContent()).toContain(
      '10,001 of 10,000 characters: 1 too many to save.',
    );
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await editor.getByRole('button', { name: 'Save note and tags' }).click();
    expect(await editor.isVisible()).toBe(true);
    expect(await note.evaluate((f) => f === document.activeElement)).toBe(true);
    await popup.keyboard.press('Backspace');
    await popup.keyboard.press('Backspace');
    expect(await editor.textContent()).toContain('9,999 of 10,000 characters.');

    // A tag over 40 characters: said, not cut, not saved.
    await popup.keyboard.press('Tab');
    const long = 'a tag that is much longer than forty characters';
    await popup.keyboard.type(long);
    expect(await editor.textContent()).toContain(
      `has ${long.length} characters; a tag can have at most 40.`,
    );
    await popup.keyboard.press('Enter');
    expect(await editor.isVisible()).toBe(true);
    for (let i = 0; i < long.length; i++) await popup.keyboard.press('Backspace');
    await popup.keyboard.type('long read');
    await popup.keyboard.press('Enter');
    await soon(async () => expect(await editor.count()).toBe(0));
    await soon(async () =>
      expect(await row(popup, id).getByRole('list', { name: 'Tags' }).textContent()).toBe(
        '#long read',
      ),
    );

    // The saved 9,999-character note folds: the row stays short, the popup within 580 px.
    const text = row(popup, id).locator('.note');
    await soon(async () => expect((await text.textContent())?.length).toBe(9999));
    const folded = (await text.boundingBox())?.height ?? 0;
    expect(folded).toBeLessThan(100);
    const more = row(popup, id).getByRole('button', { name: 'Show more' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect((await text.boundingBox())?.height ?? 0).toBeGreaterThan(folded * 3);
    expect(await popupHeight(popup)).toBeLessThanOrEqual(580);
    await row(popup, id).getByRole('button', { name: 'Show less' }).click();

    // Emptied again, for the tests after this one.
    editor = await edit(popup, id);
    await popup.keyboard.press('Control+a');
    await popup.keyboard.press('Delete');
    await editor.getByRole('button', { name: 'Save note and tags' }).click();
    await soon(async () => expect(await text.count()).toBe(0));
    await popup.close();
  });
});

describe('the library', () => {
  it('jumps to Settings, Your data and Export / Import from links at the top', async () => {
    const library = await openLibrary();
    await library.keyboard.press('Tab');
    expect(await focused(library)).toMatchObject({ tag: 'a', text: 'Saved papers' });
    await library.keyboard.press('Tab');
    await library.keyboard.press('Enter');
    await soon(async () =>
      expect(await library.evaluate(() => document.activeElement?.id)).toBe('settings'),
    );
    await library.keyboard.press('Tab');
    expect(await focused(library)).toMatchObject({ tag: 'input' });
    expect(await library.evaluate(() => document.activeElement?.closest('section')?.id)).toBe(
      'settings',
    );

    for (const [name, id] of [
      ['Your data', 'your-data'],
      ['Export / Import', 'export-import'],
    ]) {
      await library
        .getByRole('navigation', { name: 'Jump to' })
        .getByRole('link', { name })
        .click();
      await soon(async () =>
        expect(await library.evaluate(() => document.activeElement?.id)).toBe(id),
      );
      expect(await library.getByRole('region', { name }).isVisible()).toBe(true);
    }
    // From the search, the list takes one paper's stops before Tab reaches the side panels.
    await library.getByRole('searchbox', { name: 'Search saved papers' }).click();
    let presses = 0;
    while (presses < 40) {
      await library.keyboard.press('Tab');
      presses++;
      const inSide = await library.evaluate(
        () => document.activeElement?.closest('aside') !== null,
      );
      if (inSide) break;
    }
    expect(presses).toBeLessThan(25);
    await library.close();
  });

  it('says when a scope has nothing to export, and names what made a backup', async () => {
    const library = await openLibrary();
    const transfer = library.getByRole('region', { name: 'Export / Import' });
    await transfer.getByLabel('Papers to export').selectOption('read');
    await soon(async () =>
      expect(await transfer.textContent()).toContain(
        'Nothing to export: no saved paper is marked read yet.',
      ),
    );
    expect(await transfer.getByRole('button', { name: 'Download' }).isDisabled()).toBe(true);
    // Marking one read counts it at once.
    const id = (await rowIds(library))[0] as string;
    await row(library, id).getByRole('button', { name: 'Mark read' }).click();
    await soon(async () => expect(await transfer.textContent()).toContain('1 paper to export.'));
    expect(await transfer.getByRole('button', { name: 'Download' }).isEnabled()).toBe(true);
    await row(library, id).getByRole('button', { name: 'Mark unread' }).click();

    await transfer.getByRole('button', { name: 'Back up now' }).click();
    await soon(async () =>
      expect(await transfer.locator('.snapshots li').first().textContent()).toMatch(
        /By you \(Back up now\) · \d+ papers/,
      ),
    );
    await library.close();
  });
});
