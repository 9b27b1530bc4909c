// A Save or Read click is never lost when Chrome stops the service worker before, during or
// after it: 100 toggles with the worker stopped at random points end in exactly the expected
// database, on every card and in the popup.
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { prng } from '../support/prng';
import { storedMarks } from '../support/stored-marks';

const TOGGLES = 100;
const SEED = 20_240_801;
const CARDS = 5;

type Key = 'saved' | 'read';
type Expected = Record<string, { saved: boolean; read: boolean }>;

const session = useExtensionSession({ settings: { hideMode: 'show' } });

async function stopWorker(cdp: CDPSession) {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

describe('with the service worker stopped at random points', () => {
  it(`loses none of ${TOGGLES} toggles`, async () => {
    const page = await session.openSite('/papers/date/2024-08-01');
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    // What the browser says the worker did: proof that it really stopped and came back.
    const seen = { stopped: 0, running: 0 };
    let last = '';
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const { runningStatus, scriptURL } of versions) {
        if (!scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) continue;
        if (
          runningStatus !== last &&
          (runningStatus === 'stopped' || runningStatus === 'running')
        ) {
          seen[runningStatus]++;
        }
        last = runningStatus;
      }
    });

    const ids = await page.$$eval('[data-paper-queue-id]', (hosts) => [
      ...new Set(hosts.map((h) => h.getAttribute('data-paper-queue-id') as string)),
    ]);
    const cards = ids.slice(0, CARDS);
    expect(cards).toHaveLength(CARDS);
    const expected: Expected = Object.fromEntries(
      cards.map((id) => [id, { saved: false, read: false }]),
    );

    const random = prng(SEED);
    const stops = { before: 0, during: 0, after: 0 };
    for (let n = 0; n < TOGGLES; n++) {
      const id = cards[Math.floor(random() * cards.length)] as string;
      const key: Key = random() < 0.5 ? 'saved' : 'read';
      const button = (key === 'saved' ? saveButton : readButton)(controlsOf(page, id)).first();
      const when = random();
      if (when < 0.2) {
        await stopWorker(cdp);
        stops.before++;
      }
      const clicked = button.click();
      if (when >= 0.2 && when < 0.4) {
        // While the message is on its way or being written.
        await stopWorker(cdp);
        stops.during++;
      }
      await clicked;
      expected[id] = { ...(expected[id] as Expected[string]), [key]: !expected[id]?.[key] };
      if (when >= 0.4 && when < 0.55) {
        await eventually(async () =>
          expect(await button.getAttribute('aria-pressed')).toBe(String(expected[id]?.[key])),
        );
        await stopWorker(cdp);
        stops.after++;
      }
      // Sometimes click again at once, sometimes let the worker go idle for a moment.
      await page.waitForTimeout(Math.floor(random() * 40));
    }

    // Every card shows the last decision.
    for (const id of cards) {
      const host = controlsOf(page, id);
      await eventually(async () => {
        expect(await saveButton(host).first().getAttribute('aria-pressed')).toBe(
          String(expected[id]?.saved),
        );
        expect(await readButton(host).first().getAttribute('aria-pressed')).toBe(
          String(expected[id]?.read),
        );
      }, 10_000);
    }

    // The database holds exactly that, and nothing else.
    const popup = await session.openPopup();
    await eventually(async () => {
      const marks = await storedMarks(popup);
      const stored = Object.fromEntries(
        marks
          .filter((m) => m.savedAt > 0 || m.readAt > 0)
          .map((m) => [m.id, { saved: m.savedAt > 0, read: m.readAt > 0 }]),
      );
      const wanted = Object.fromEntries(
        Object.entries(expected).filter(([, s]) => s.saved || s.read),
      );
      expect(stored).toEqual(wanted);
    }, 5000);

    // The popup lists the saved ones, each with its read state.
    const titles = await page.$$eval('h3 a[href^="/papers/"]', (links) =>
      Object.fromEntries(
        links.map((a) => [a.getAttribute('href')?.split('/').pop(), a.textContent?.trim()]),
      ),
    );
    const saved = cards.filter((id) => expected[id]?.saved);
    await eventually(async () => {
      expect(await popup.getByRole('listitem').count()).toBe(saved.length);
      for (const id of saved) {
        const item = popup.getByRole('listitem').filter({ hasText: titles[id] as string });
        const label = expected[id]?.read ? 'Mark unread' : 'Mark read';
        expect(await item.getByRole('button', { name: label, exact: true }).count()).toBe(1);
      }
    }, 5000);

    // A second tab opened now agrees with the first.
    const second = await session.openSite('/papers/date/2024-08-01');
    for (const id of cards) {
      const host = controlsOf(second, id);
      await eventually(async () => {
        expect(await saveButton(host).first().getAttribute('aria-pressed')).toBe(
          String(expected[id]?.saved),
        );
        expect(await readButton(host).first().getAttribute('aria-pressed')).toBe(
          String(expected[id]?.read),
        );
      }, 5000);
    }
    console.info(
      `stopped worker: ${TOGGLES} toggles, worker stopped ${stops.before} times before a click, ${stops.during} during, ${stops.after} after; the browser reported it stopped ${seen.stopped} times and running ${seen.running} times`,
    );
    expect(stops.before + stops.during + stops.after).toBeGreaterThan(TOGGLES / 3);
    expect(seen.stopped).toBeGreaterThan(TOGGLES / 5);
    await second.close();
    await popup.close();
    await page.close();
  }, 180_000);
});
