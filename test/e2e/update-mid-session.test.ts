import { describe, expect, it } from 'vitest';
import {
  collectExtensionErrors,
  controlsOf,
  eventually,
  readButton,
  reloadUnderOpenPage,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { storedStates } from '../support/stored-marks';

const session = useExtensionSession({ settings: { hideMode: 'show' } });

describe('an update in the middle of a session', () => {
  it('keeps every decision, stays quiet, and works again after a reload', async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const popup = await session.openPopup();
    const ids = await page.$$eval('[data-paper-queue-id]', (hosts) => [
      ...new Set(hosts.map((h) => h.getAttribute('data-paper-queue-id') as string)),
    ]);
    const [one, two, three] = ids as [string, string, string];
    await saveButton(controlsOf(page, one)).first().click();
    await readButton(controlsOf(page, two)).first().click();
    await saveButton(controlsOf(page, three)).first().click();
    const expected = {
      [one]: { saved: true, read: false },
      [two]: { saved: false, read: true },
      [three]: { saved: true, read: false },
    };
    await eventually(async () => expect(await storedStates(popup)).toEqual(expected), 3000);

    const errors = collectExtensionErrors(page);

    // The user comes back to the tab and clicks on the old controls.
    await reloadUnderOpenPage(session, page);
    // More events the old script listens to: none may raise an error.
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => {
        document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
      });
    }
    expect(page.url()).toBe('https://huggingface.co/papers/date/2024-08-01');
    await page.waitForTimeout(300);
    expect(errors, errors.join('\n')).toEqual([]);

    // The page works again after a reload, with the same decisions.
    await page.reload();
    await eventually(async () => {
      expect(await saveButton(controlsOf(page, one)).first().getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(await readButton(controlsOf(page, two)).first().getAttribute('aria-pressed')).toBe(
        'true',
      );
    }, 5000);
    await readButton(controlsOf(page, three)).first().click();
    const after = await session.openPopup();
    await eventually(
      async () =>
        expect(await storedStates(after)).toEqual({
          ...expected,
          [three]: { saved: true, read: true },
        }),
      3000,
    );
    expect(errors, errors.join('\n')).toEqual([]);
    await after.close();
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });
});
