// The queue's views, notes, tags, pins, keyboard and Undo in the popup, and the library page
// with its bulk actions and settings, on the built extension in Chromium.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';

const LISTING = '/papers/date/2024-08-01';
// Saved in this order, so the newest saved (and first listed) is the last one.
const PAPERS = ['2407.21770', '2407.21772', '2407.21705', '2407.21783'];
const LLAMA = '2407.21783';
/** Four engineers share two cores: allow a change a generous while to show. */
const soon = (check: () => Promise<void>) => eventually(check, 5000);

// Cards are clicked after being marked read here: keep read cards in view.
const session = useExtensionSession({ settings: { hideMode: 'show' } });
beforeAll(async () => {
  const page = await session.openSite(LISTING);
  for (const id of PAPERS) {
    await saveButton(controlsOf(page, id)).click();
    await soon(async () =>
      expect(await saveButton(controlsOf(page, id)).first().getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
  }
  await page.close();
});

const rowIds = (page: Page) =>
  page
    .locator('ul.queue > li[data-paper-id]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-paper-id')));
const row = (page: Page, id: string) => page.locator(`li[data-paper-id="${id}"]`);
const viewButton = (page: Page, name: RegExp) =>
  page.getByRole('group', { name: 'Views' }).getByRole('button', { name });
/**
 * A row changed by a click keeps its place until the pointer leaves the list: move it to the
 * page's title, as a user reaching for the views or the search would.
 */
const leaveList = (page: Page) => page.locator('h1').hover();

async function openLibrary(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/library/index.html`);
  await page.locator('li[data-paper-id]').first().waitFor();
  return page;
}

describe('the popup queue', () => {
  it('shows Queue, Read and All saved with counts; read, remove and Undo', async () => {
    const popup = await session.openPopup();
    await soon(async () => expect(await rowIds(popup)).toEqual([...PAPERS].reverse()));
    // The counts load separately from the rows ("…" until then).
    await soon(async () => expect(await viewButton(popup, /All saved/).textContent()).toMatch(/4/));
    await viewButton(popup, /^Queue/).click();
    expect(await viewButton(popup, /^Queue/).getAttribute('aria-pressed')).toBe('true');

    await row(popup, LLAMA).getByRole('button', { name: 'Mark read' }).click();
    await leaveList(popup);
    await soon(async () => expect(await row(popup, LLAMA).count()).toBe(0));
    await soon(async () => expect(await viewButton(popup, /^Read/).textContent()).toMatch(/1/));
    await viewButton(popup, /^Read/).click();
    await soon(async () => expect(await rowIds(popup)).toEqual([LLAMA]));

    await row(popup, LLAMA).getByRole('button', { name: 'Remove' }).click();
    const undo = popup.getByRole('status').filter({ hasText: /Removed/ });
    await soon(async () => expect(await undo.textContent()).toMatch(/Llama 3/));
    await leaveList(popup);
    await soon(async () => expect(await rowIds(popup)).toEqual([]));
    await undo.getByRole('button', { name: 'Undo' }).click();
    await soon(async () => expect(await rowIds(popup)).toEqual([LLAMA]));
    // Undo put the marks back as they were: still read, still in its old place.
    await viewButton(popup, /All saved/).click();
    await soon(async () =>
      expect(await rowIds(popup)).toEqual(['2407.21705', '2407.21772', '2407.21770', LLAMA]),
    );
    await row(popup, LLAMA).getByRole('button', { name: 'Mark unread' }).click();
    // Held at the bottom, where it was clicked, until the pointer leaves the list.
    expect((await rowIds(popup)).at(-1)).toBe(LLAMA);
    await leaveList(popup);
    await soon(async () => expect(await rowIds(popup)).toEqual([...PAPERS].reverse()));
    await popup.close();
  });

  it('keeps notes and tags across a reload, and finds papers by them', async () => {
    let popup = await session.openPopup();
    const item = row(popup, '2407.21772');
    await item.getByRole('button', { name: 'Add note/tags' }).click();
    const editor = item.getByRole('form', { name: /Note and tags/ });
    await editor.getByRole('textbox', { name: 'Note' }).fill('Compare with the Llama xyzzy run');
    await editor.getByRole('combobox', { name: /Tags/ }).fill('Agents, to-read');
    await editor.getByRole('button', { name: 'Save note and tags' }).click();
    await soon(async () =>
      expect(await item.locator('.note').textContent()).toMatch(/Llama xyzzy/),
    );
    await popup.reload();
    popup = popup as Page;
    await popup.locator('li[data-paper-id]').first().waitFor();
    const reloaded = row(popup, '2407.21772');
    await soon(async () => {
      expect(await reloaded.locator('.note').textContent()).toBe(
        'Compare with the Llama xyzzy run',
      );
      expect(await reloaded.getByRole('list', { name: 'Tags' }).textContent()).toBe(
        '#agents#to-read',
      );
    });

    const search = popup.getByRole('searchbox', { name: 'Search saved papers' });
    await search.fill('xyzzy');
    await soon(async () => expect(await rowIds(popup)).toEqual(['2407.21772']));
    await search.fill('');
    await popup.getByRole('combobox', { name: 'Filter by tag' }).selectOption('to-read');
    await soon(async () => expect(await rowIds(popup)).toEqual(['2407.21772']));
    await popup.getByRole('combobox', { name: 'Filter by tag' }).selectOption('');
    await soon(async () => expect(await rowIds(popup)).toHaveLength(4));
    await popup.close();
  });

  it('pins a paper to the top and sorts by title', async () => {
    const popup = await session.openPopup();
    await row(popup, '2407.21770').getByRole('button', { name: 'Pin' }).click();
    await soon(async () => expect((await rowIds(popup))[0]).toBe('2407.21770'));
    await popup.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await soon(async () => {
      const titles = await popup
        .locator('li[data-paper-id]:not(.pinned) .title')
        .evaluateAll((links) => links.map((a) => a.textContent ?? ''));
      const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
      expect(titles).toEqual([...titles].sort(byTitle));
      expect((await rowIds(popup))[0]).toBe('2407.21770');
    });
    await row(popup, '2407.21770').getByRole('button', { name: 'Unpin' }).click();
    await soon(async () =>
      expect(await row(popup, '2407.21770').getByRole('button', { name: 'Pin' }).count()).toBe(1),
    );
    await popup.close();
  });

  it('works from the keyboard, and keys never fire while typing', async () => {
    const popup = await session.openPopup();
    await soon(async () => expect(await rowIds(popup)).toHaveLength(4));
    const [first, second] = (await rowIds(popup)) as string[];
    await popup.locator('h1').click();
    await popup.keyboard.press('j');
    await soon(async () =>
      expect(await row(popup, first as string).getAttribute('aria-current')).toBe('true'),
    );
    await popup.keyboard.press('ArrowDown');
    const active = row(popup, second as string);
    await soon(async () => {
      expect(await active.getAttribute('aria-current')).toBe('true');
      expect(await active.evaluate((li) => li === document.activeElement)).toBe(true);
    });
    await popup.keyboard.press('k');
    await popup.keyboard.press('j');
    await popup.keyboard.press('r');
    await soon(async () =>
      expect(await active.getByRole('button', { name: 'Mark unread' }).count()).toBe(1),
    );
    await popup.keyboard.press('r');
    await soon(async () =>
      expect(await active.getByRole('button', { name: 'Mark read' }).count()).toBe(1),
    );

    await popup.keyboard.press('/');
    const search = popup.getByRole('searchbox', { name: 'Search saved papers' });
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
    await popup.keyboard.type('jr');
    expect(await search.inputValue()).toBe('jr');
    await search.fill('');
    await soon(async () => expect(await rowIds(popup)).toHaveLength(4));

    await active.focus();
    await popup.keyboard.press('Delete');
    await soon(async () => expect(await active.count()).toBe(0));
    await popup.getByRole('button', { name: 'Undo' }).click();
    await soon(async () => expect(await active.count()).toBe(1));

    await active.focus();
    const opened = session.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    await (await opened).close();
    await popup.close();
  });

  it("types into a note it just opened, never into the row's shortcuts", async () => {
    const popup = await session.openPopup();
    await viewButton(popup, /^Queue/).click();
    const id = '2407.21705';
    const item = row(popup, id);
    await soon(async () => expect(await item.count()).toBe(1));
    // A real click, then real key presses: fill() would focus the field itself.
    await item.getByRole('button', { name: 'Add note/tags' }).click();
    const note = item.getByRole('textbox', { name: 'Note' });
    await soon(async () =>
      expect(await note.evaluate((f) => f === document.activeElement)).toBe(true),
    );
    // r (mark read), space, Delete and Enter are all shortcuts or clicks outside the field.
    await popup.keyboard.type('Interesting: rerun later');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Delete me not');
    // Delete removes the character after the caret, in the field, not the paper.
    await popup.keyboard.press('ArrowLeft');
    await popup.keyboard.press('Delete');
    expect(await note.inputValue()).toBe('Interesting: rerun later\nDelete me no');
    expect(await item.count()).toBe(1);
    expect(await item.getByRole('button', { name: 'Mark read' }).count()).toBe(1);

    // Escape cancels the draft and gives focus back to the button that opened the editor.
    await popup.keyboard.press('Escape');
    await soon(async () => expect(await note.count()).toBe(0));
    const opener = item.getByRole('button', { name: 'Add note/tags' });
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);

    // Enter on that button opens it again; Tab to the tags, Enter saves.
    await popup.keyboard.press('Enter');
    await soon(async () =>
      expect(await note.evaluate((f) => f === document.activeElement)).toBe(true),
    );
    await popup.keyboard.type('Read after the survey');
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('rl, surveys');
    await popup.keyboard.press('Enter');
    await soon(async () => {
      expect(await item.locator('.note').textContent()).toBe('Read after the survey');
      expect(await item.getByRole('list', { name: 'Tags' }).textContent()).toBe('#rl#surveys');
    });
    expect(
      await item
        .getByRole('button', { name: 'Edit note/tags' })
        .evaluate((b) => b === document.activeElement),
    ).toBe(true);
    // Still saved and unread: none of the letters reached a shortcut.
    expect(await item.getByRole('button', { name: 'Mark read' }).count()).toBe(1);
    expect(await rowIds(popup)).toContain(id);
    await popup.close();
  });

  it('offers Undo for a paper marked read in the Queue view', async () => {
    const popup = await session.openPopup();
    await viewButton(popup, /^Queue/).click();
    const item = row(popup, LLAMA);
    await item.getByRole('button', { name: 'Mark read' }).click();
    await leaveList(popup);
    await soon(async () => expect(await item.count()).toBe(0));
    const undo = popup.getByRole('status').filter({ hasText: /Marked .* read/ });
    await undo.getByRole('button', { name: 'Undo' }).click();
    await soon(async () =>
      expect(await item.getByRole('button', { name: 'Mark read' }).count()).toBe(1),
    );
    await popup.close();
  });
});

describe('the library page', () => {
  it('opens from the popup', async () => {
    const popup = await session.openPopup();
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open library' }).click();
    const library = await opened;
    await library.locator('li[data-paper-id]').first().waitFor();
    expect(library.url()).toBe(`chrome-extension://${session.extensionId}/src/library/index.html`);
    expect(await library.getByRole('region', { name: 'Export / Import' }).count()).toBe(1);
    await library.close();
    await popup.close();
  });

  it('marks, tags and removes many papers at once, with Undo, and tabs follow', async () => {
    const library = await openLibrary();
    const site = await session.openSite(LISTING);
    // The tab the user acts in is in front; a background tab's timers are throttled.
    await library.bringToFront();
    const picked = ['2407.21770', '2407.21705'];
    for (const id of picked) {
      await row(library, id)
        .getByRole('checkbox', { name: /Select/ })
        .check();
    }
    const bulk = library.getByRole('form', { name: 'Bulk actions' });
    expect(await bulk.textContent()).toMatch(/2 selected/);

    await bulk.getByRole('button', { name: 'Mark selected read' }).click();
    await soon(async () => {
      for (const id of picked) {
        expect(await row(library, id).getByRole('button', { name: 'Mark unread' }).count()).toBe(1);
        expect(
          await controlsOf(site, id)
            .getByRole('button', { name: /read/i })
            .first()
            .getAttribute('aria-pressed'),
        ).toBe('true');
      }
    });

    await bulk.getByRole('combobox', { name: /Tags to add/ }).fill('survey');
    await bulk.getByRole('button', { name: 'Tag selected' }).click();
    await soon(async () => {
      for (const id of picked) expect(await row(library, id).textContent()).toMatch(/#survey/);
    });

    await bulk.getByRole('button', { name: 'Remove selected' }).click();
    await soon(async () => {
      for (const id of picked) expect(await row(library, id).count()).toBe(0);
      expect(
        await saveButton(controlsOf(site, picked[0] as string))
          .first()
          .getAttribute('aria-pressed'),
      ).toBe('false');
    });
    await library.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await soon(async () => {
      for (const id of picked) expect(await row(library, id).textContent()).toMatch(/#survey/);
    });

    await bulk.getByRole('checkbox', { name: 'Select all shown' }).check();
    expect(await bulk.textContent()).toMatch(/4 selected/);
    await bulk.getByRole('button', { name: 'Mark selected unread' }).click();
    await soon(async () =>
      expect(await library.getByRole('button', { name: 'Mark read' }).count()).toBe(4),
    );
    await site.close();
    await library.close();
  });

  it('edits settings, says where the data lives, and asks for persistent storage', async () => {
    const library = await openLibrary();
    const settings = library.getByRole('region', { name: 'Settings' });
    await settings.getByRole('radio', { name: 'Dim them' }).check();
    await settings.getByRole('checkbox', { name: /Mark a paper read when I open it/ }).check();
    await settings.getByRole('checkbox', { name: /Keyboard shortcuts/ }).uncheck();
    const stored = async () =>
      session.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get: (k: string) => Promise<Record<string, unknown>> } } };
        };
        return (await chrome.storage.local.get('paperQueue.settings'))['paperQueue.settings'];
      });
    await soon(async () =>
      expect(await stored()).toMatchObject({
        hideMode: 'dim',
        keyboard: false,
        markReadOnOpen: true,
        sync: true,
      }),
    );

    // With the keyboard switched off, j does nothing in the queue.
    await library.locator('h1').click();
    await library.keyboard.press('j');
    expect(await library.locator('li[aria-current]').count()).toBe(0);

    const data = library.getByRole('region', { name: 'Your data' });
    expect(await data.textContent()).toMatch(
      /You have 4 saved papers: \d still to read, \d read\./,
    );
    expect(await data.textContent()).toMatch(/kept in this browser, on this computer/);
    // Chrome never evicts an extension with unlimitedStorage: it must not say it may.
    await soon(async () =>
      expect(['exempt', 'persistent']).toContain(
        await data.locator('[data-safety]').getAttribute('data-safety'),
      ),
    );
    expect(await data.textContent()).toMatch(/Safe from clean-up\./);
    expect(await data.textContent()).not.toMatch(/may clear|not granted/);
    // For whoever needs them: the database and origin, folded away.
    await data.getByText('Technical details').click();
    expect(await data.getByText(/IndexedDB database paper-queue/).isVisible()).toBe(true);

    // Opening a paper now marks it read.
    const opened = session.context.waitForEvent('page');
    await row(library, LLAMA).getByRole('link').click();
    await (await opened).close();
    await leaveList(library);
    await soon(async () =>
      expect(await row(library, LLAMA).getByRole('button', { name: 'Mark unread' }).count()).toBe(
        1,
      ),
    );
    await settings.getByRole('checkbox', { name: /Keyboard shortcuts/ }).check();
    await settings.getByRole('checkbox', { name: /Mark a paper read/ }).uncheck();
    await library.close();
  });
});
