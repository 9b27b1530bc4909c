// The drift alarm on a page whose layout changed, and clean-up after the extension reloads.
import { describe, expect, it } from 'vitest';
import {
  collectExtensionErrors,
  eventually,
  reloadUnderOpenPage,
  useExtensionSession,
} from '../support/extension-session';
import { LISTING_2024, readFixture } from '../support/fixtures';

// The real 2024 page with every card title moved from h3 to h2: what a redesign looks like.
const CHANGED_LAYOUT = readFixture(LISTING_2024).replace(/<(\/?)h3\b/g, '<$1h2');

const session = useExtensionSession({ pages: { '/papers/date/2030-01-01': CHANGED_LAYOUT } });

async function tabIdOf(url: string): Promise<number> {
  return session.worker.evaluate(async (wanted) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query: (q: object) => Promise<{ id: number; url: string }[]> } };
    };
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === wanted);
    if (!tab) throw new Error(`no tab at ${wanted}`);
    return tab.id;
  }, url);
}

describe('the drift alarm', () => {
  it('tells the popup and the console when a page shows papers it cannot recognize', async () => {
    const page = await session.context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto('https://huggingface.co/papers/date/2030-01-01');
    const message = 'Recognized 0 of 13 papers on this page — the page layout may have changed';
    await eventually(
      async () => expect(warnings.filter((w) => w.includes(message))).toHaveLength(1),
      5000,
    );

    const tab = await tabIdOf('https://huggingface.co/papers/date/2030-01-01');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tab}`);
    await eventually(async () =>
      expect(await popup.getByRole('status').textContent()).toContain(message),
    );
    await popup.close();
    await page.close();
  });

  it('stays quiet on a page it fully recognizes', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const tab = await tabIdOf('https://huggingface.co/papers/date/2024-08-01');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tab}`);
    await popup.getByText('Reading queue').waitFor();
    await popup.waitForTimeout(300);
    expect(await popup.getByText(/Recognized \d+ of/).count()).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('after the extension is reloaded under an open page', () => {
  it('the old content script removes its controls and a reload brings back one set', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    expect(await page.locator('[data-paper-queue-id]').count()).toBe(13);
    // The saved page's own scripts fail offline; only errors from the extension count.
    const errors = collectExtensionErrors(page);
    await reloadUnderOpenPage(session, page);
    expect(page.url()).toBe('https://huggingface.co/papers/date/2024-08-01');
    await page.reload();
    await eventually(
      async () => expect(await page.locator('[data-paper-queue-id]').count()).toBe(13),
      5000,
    );
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });
});
