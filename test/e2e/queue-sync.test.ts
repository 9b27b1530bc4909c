// The reading queue in the popup, and every open tab kept in sync.
import { describe, expect, it } from 'vitest';
import { extensionDiagnostics } from '../support/chrome-extensions-page.mjs';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';

const LLAMA = '2407.21783';
const LLAMA_TITLE = 'The Llama 3 Herd of Models';

// These tests click cards after marking them read: keep read cards in view.
const session = useExtensionSession({ settings: { hideMode: 'show' } });

const pressed = async (host: ReturnType<typeof controlsOf>, which: typeof saveButton) =>
  which(host).first().getAttribute('aria-pressed');

describe('the popup', () => {
  it('says how to add papers while the queue is empty', async () => {
    const popup = await session.openPopup();
    await expect.poll(() => popup.getByText('Your queue is empty').count()).toBe(1);
    expect(await popup.getByRole('link', { name: /Daily Papers/ }).getAttribute('href')).toBe(
      'https://huggingface.co/papers',
    );
    await popup.close();
  });

  it('lists a paper saved on the page, with link, authors and date, and updates live', async () => {
    const popup = await session.openPopup();
    const page = await session.openSite('/papers/date/2024-08-01');
    await saveButton(controlsOf(page, LLAMA)).click();
    const item = popup.getByRole('listitem').filter({ hasText: LLAMA_TITLE });
    await eventually(async () => expect(await item.count()).toBe(1), 2000);
    const link = item.getByRole('link', { name: LLAMA_TITLE });
    expect(await link.getAttribute('href')).toBe(`https://huggingface.co/papers/${LLAMA}`);
    expect(await item.textContent()).toMatch(/Abhimanyu Dubey et al\. · Jul 31, 2024/);
    const opened = session.context.waitForEvent('page');
    await link.click();
    const tab = await opened;
    // A tab the extension opens can start loading before the test's routes attach to it,
    // so ask the browser which URL the tab was opened with instead of what it shows.
    const urls = await session.worker.evaluate(async () => {
      type Tab = { url?: string; pendingUrl?: string };
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query: (q: object) => Promise<Tab[]> } };
      };
      return (await chrome.tabs.query({})).map((t) => t.pendingUrl || t.url);
    });
    expect(urls).toContain(`https://huggingface.co/papers/${LLAMA}`);
    await tab.close();
    await page.close();
    await popup.close();
  });

  it('marks read and removes, and the card in an open tab follows', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const host = controlsOf(page, LLAMA);
    await eventually(async () => expect(await pressed(host, saveButton)).toBe('true'));
    const popup = await session.openPopup();
    const item = popup.getByRole('listitem').filter({ hasText: LLAMA_TITLE });
    await item.getByRole('button', { name: 'Mark read' }).click();
    await eventually(async () => expect(await pressed(host, readButton)).toBe('true'));
    expect(await item.getByRole('button', { name: 'Mark unread' }).count()).toBe(1);
    await item.getByRole('button', { name: 'Remove' }).click();
    await eventually(async () => expect(await pressed(host, saveButton)).toBe('false'));
    // The row keeps its place (Put back) until the pointer leaves the list.
    expect(await item.getByRole('button', { name: 'Put back' }).count()).toBe(1);
    await popup.locator('h1').hover();
    await eventually(async () => expect(await item.count()).toBe(0));
    await page.close();
    await popup.close();
  });

  it('lists unread papers first, newest saved first', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const ids = ['2407.21770', '2407.21772', '2407.21705'];
    for (const id of ids) {
      await saveButton(controlsOf(page, id)).click();
      await eventually(async () =>
        expect(await pressed(controlsOf(page, id), saveButton)).toBe('true'),
      );
    }
    await readButton(controlsOf(page, ids[2] as string)).click();
    const popup = await session.openPopup();
    await eventually(async () => {
      const order = await popup
        .getByRole('listitem')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-paper-id')));
      expect(order).toEqual([ids[1], ids[0], ids[2]]);
    });
    await page.close();
    await popup.close();
  });
});

describe('every open tab', () => {
  it('shows a change made in another tab within a second', async () => {
    const a = await session.openSite('/papers/date/2024-08-01');
    const b = await session.openSite('/papers?date=2024-08-01');
    const id = '2407.21783';
    const before = await pressed(controlsOf(b, id), readButton);
    await readButton(controlsOf(a, id)).click();
    const took = await eventually(async () => {
      expect(await pressed(controlsOf(b, id), readButton)).not.toBe(before);
    }, 1000);
    expect(took).toBeLessThan(1000);
    await saveButton(controlsOf(b, id)).click();
    await eventually(async () => expect(await pressed(controlsOf(a, id), saveButton)).toBe('true'));
    await a.close();
    await b.close();
  });

  it('left no runtime error behind', async () => {
    const diagnostics = await extensionDiagnostics(session.context, 'Paper Queue');
    expect(diagnostics.runtimeErrors).toEqual([]);
  });
});
