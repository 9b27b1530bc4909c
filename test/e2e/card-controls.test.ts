// Save / Read controls on the real saved pages, in Chromium with the built extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  startSession,
  useExtensionSession,
} from '../support/extension-session';
import { readProps } from '../support/fixtures';
import { FIXTURES } from '../support/huggingface-routes.mjs';

const session = useExtensionSession();

describe.each([
  ['/papers/date/2024-08-01', 'hf/listing-2024-08-01.html', 1],
  ['/papers/trending', 'hf/trending-2026-10.excerpt.html', 2],
])('controls on %s', (path, fixture, copies) => {
  const ids = readProps(fixture).dailyPapers.map((entry) => entry.paper.id);

  it('appear on every card copy, each with a Save and a Read toggle', async () => {
    const page = await session.openSite(path);
    const hosts = page.locator('[data-paper-queue-id]');
    await eventually(async () => expect(await hosts.count()).toBe(ids.length * copies));
    const shown = await hosts.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-paper-queue-id')),
    );
    expect([...new Set(shown)]).toEqual(ids);
    for (const id of ids) {
      const host = controlsOf(page, id);
      await expect.poll(() => saveButton(host).count()).toBe(copies);
      await expect.poll(() => readButton(host).first().getAttribute('aria-pressed')).toBe('false');
      expect(await saveButton(host).first().isEnabled()).toBe(true);
    }
    await page.close();
  });
});

describe('a saved mark', () => {
  it('shows on both copies of a 2026 card and survives a reload', async () => {
    const page = await session.openSite('/papers/trending');
    const host = controlsOf(page, '2609.20519');
    await saveButton(host).first().click();
    await eventually(async () => {
      expect(
        await saveButton(host).evaluateAll((b) => b.map((x) => x.getAttribute('aria-pressed'))),
      ).toEqual(['true', 'true']);
    });
    await page.reload();
    await eventually(async () => {
      expect(await saveButton(host).first().getAttribute('aria-pressed')).toBe('true');
    }, 5000);
    expect(await readButton(host).first().getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});

describe('isolation from the page', () => {
  it('keeps its look whatever the page styles, and follows the page’s dark mode', async () => {
    const page = await session.openSite('/papers/trending');
    await page.addStyleTag({
      content: 'button { display: none !important; color: red !important; }',
    });
    const button = saveButton(controlsOf(page, '2609.20519')).first();
    expect(await button.isVisible()).toBe(true);
    // Our look comes from page.css through ::part(), which the page's button rules never reach.
    const look = () =>
      button.evaluate((b) => {
        const style = getComputedStyle(b);
        return {
          height: style.height,
          radius: style.borderRadius,
          red: style.color === 'rgb(255, 0, 0)',
        };
      });
    expect(await look()).toEqual({ height: '24px', radius: '6px', red: false });
    // Dark mode is the site's class on <html>, switched after load: the card's buttons and
    // the listing bar (which was placed in light mode) both follow it, and back.
    const backgrounds = () =>
      page.evaluate(() => {
        // Unpressed buttons: a pressed one wears its mark's colour instead.
        const unpressed = 'button:not([aria-pressed="true"])';
        const card = document
          .querySelector('[data-paper-queue-id]')
          ?.shadowRoot?.querySelector(unpressed);
        const bar = document
          .querySelector('[data-paper-queue-ui="bar"]')
          ?.shadowRoot?.querySelector(unpressed);
        return [card, bar].map((b) => (b ? getComputedStyle(b).backgroundColor : 'missing'));
      });
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(17, 24, 39)';
    await eventually(async () => expect(await backgrounds()).toEqual([LIGHT, LIGHT]));
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    expect(await backgrounds()).toEqual([DARK, DARK]);
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    expect(await backgrounds()).toEqual([LIGHT, LIGHT]);
    await page.close();
  });

  it('shows a hostile title as text and decorates it like any card', async () => {
    const html = readFileSync(join(FIXTURES, 'hf/trending-2026-10.excerpt.html'), 'utf8').replace(
      'SoL-Pi: Recursively Scaling Auto-Research Loops for Efficient Agent Harness</a>',
      '&lt;img src=x onerror="document.title=\'pwned\'"&gt; {\\"evil\\"}</a>',
    );
    const hostile = await startSession({ '/papers/trending': html });
    try {
      const page = await hostile.openSite('/papers/trending');
      const host = controlsOf(page, '2609.20519');
      await saveButton(host).first().click();
      const popup = await hostile.openPopup();
      // The island JSON still has the real title; the popup shows whatever we stored as text.
      await popup.getByRole('listitem').first().waitFor();
      expect(await popup.locator('img').count()).toBe(0);
      expect(await page.title()).not.toBe('pwned');
    } finally {
      await hostile.close();
    }
  });
});
