// Only the user changes the queue from a page: huggingface.co's own scripts (or anything
// injected into them) can reach our open shadow roots and call click(), or dispatch key
// events, but the content script acts only on trusted events. Run in the page's own world.
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { storedStates } from '../support/stored-marks';

const session = useExtensionSession();

describe('a page script', () => {
  it('cannot save, mark read, mark all read, switch modes or drive the keys', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const popup = await session.openPopup();
    const before = await storedStates(popup);
    const hosts = await page.locator('[data-paper-queue-id]').count();
    expect(hosts).toBe(13);

    const tried = await page.evaluate(() => {
      let clicks = 0;
      for (const host of document.querySelectorAll('[data-paper-queue-id]')) {
        for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) {
          button.click();
          button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          clicks += 2;
        }
      }
      const bar = document.querySelector('[data-paper-queue-ui="bar"]');
      for (const button of bar?.shadowRoot?.querySelectorAll('button') ?? []) {
        button.click();
        clicks++;
      }
      for (const key of ['j', 's', 'r', 'j', 'r', 'u', '?']) {
        for (const target of [document, document.body, document.activeElement ?? document]) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        }
      }
      return clicks;
    });
    expect(tried).toBeGreaterThan(50);
    await page.waitForTimeout(500);

    expect(await storedStates(popup)).toEqual(before);
    const pressed = await page
      .locator('[data-paper-queue-id]')
      .evaluateAll((all) =>
        all.flatMap((host) =>
          [...(host.shadowRoot?.querySelectorAll('button') ?? [])].map((b) =>
            b.getAttribute('aria-pressed'),
          ),
        ),
      );
    expect(pressed.filter((p) => p !== 'false')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.paperQueueMode)).toBe('hide');
    expect(await page.locator('article[data-paper-queue-focus]').count()).toBe(0);

    // The user's own click still works: the test could see a change if there were one.
    await saveButton(controlsOf(page, '2407.21783')).click();
    await eventually(async () =>
      expect((await storedStates(popup))['2407.21783']).toMatchObject({ saved: true }),
    );
    await popup.close();
    await page.close();
  });
});
