// The drift alarm on a page whose layout changed, and clean-up after the extension reloads.
import type { Page } from 'playwright-core';
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

type PopupWindow = Window & {
  __pageStatusReplies: { tab: number; reply: unknown }[];
};

/**
 * Records, in the popup, every `page.status` reply it gets from a tab: an init script (it
 * runs before the popup's own scripts) wraps chrome.tabs.sendMessage. Chromium's `browser`
 * is the same object, which the polyfill then uses as it is (a promise, no callback).
 */
async function recordPageStatusReplies(popup: Page): Promise<void> {
  await popup.addInitScript(() => {
    const replies: PopupWindow['__pageStatusReplies'] = [];
    (window as unknown as PopupWindow).__pageStatusReplies = replies;
    const tabs = (globalThis as unknown as { chrome: { tabs: Record<string, unknown> } }).chrome
      .tabs;
    const send = tabs.sendMessage as (...args: unknown[]) => unknown;
    tabs.sendMessage = (...args: unknown[]) => {
      const [tab, message] = args as [number, { type?: string } | undefined];
      if (message?.type !== 'page.status') return send.apply(tabs, args);
      const record = (reply: unknown) => replies.push({ tab, reply });
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (reply: unknown) => {
          record(reply);
          return callback(reply);
        };
        return send.apply(tabs, args);
      }
      const answer = send.apply(tabs, args) as Promise<unknown>;
      answer.then(record, (error) => record({ error: String(error) }));
      return answer;
    };
  });
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
    await recordPageStatusReplies(popup);
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${tab}`);
    // Quiet must mean "the page said it recognized every paper", not "no answer yet".
    const reply = await popup.waitForFunction(
      () => (window as unknown as PopupWindow).__pageStatusReplies[0],
      undefined,
      { timeout: 5000 },
    );
    expect(await reply.jsonValue()).toMatchObject({
      tab,
      reply: { kind: 'listing', recognized: 13, expected: 13 },
    });
    // The popup has had the answer for a frame and a task: any notice would be rendered now.
    await popup.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    );
    await popup.getByText('Reading queue').waitFor();
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
