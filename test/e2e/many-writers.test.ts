// Two tabs and the popup changing papers in the same moment: every view converges within a
// second to what the database committed last, and changes to different papers all survive.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  controlsOf,
  eventually,
  readButton,
  saveButton,
  useExtensionSession,
} from '../support/extension-session';
import { storedMarks } from '../support/stored-marks';

const ROUNDS = 8;
const CONVERGE_MS = 1000;

const session = useExtensionSession({ settings: { hideMode: 'show' } });

type State = { saved: boolean; read: boolean; updatedAt: number };

/** Every paper's mark as stored, with `updatedAt` (the latest decision wins). */
async function marksIn(popup: Page): Promise<Record<string, State>> {
  return Object.fromEntries(
    (await storedMarks(popup)).map((m) => [
      m.id,
      { saved: m.savedAt > 0, read: m.readAt > 0, updatedAt: m.updatedAt },
    ]),
  );
}

/** The popup sends a decision the way its buttons do (the same message, intended value). */
function popupSets(popup: Page, id: string, change: { saved?: boolean; read?: boolean }) {
  return popup.evaluate(
    ([paperId, marks]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: object) => Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({
        type: 'papers.set',
        at: Date.now(),
        marks: { [paperId]: marks },
      }),
    [id, change] as const,
  );
}

async function shown(page: Page, id: string) {
  const host = controlsOf(page, id);
  return {
    saved: (await saveButton(host).first().getAttribute('aria-pressed')) === 'true',
    read: (await readButton(host).first().getAttribute('aria-pressed')) === 'true',
  };
}

describe('two tabs and the popup at once', () => {
  it('converge on the latest decision, and keep every change to other papers', async () => {
    const first = await session.openSite('/papers/date/2024-08-01');
    const second = await session.openSite('/papers/date/2024-08-01');
    const popup = await session.openPopup();
    const ids = await first.$$eval('[data-paper-queue-id]', (hosts) => [
      ...new Set(hosts.map((h) => h.getAttribute('data-paper-queue-id') as string)),
    ]);
    const [contested, a, b, c] = ids as [string, string, string, string];
    const slowest: number[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const before = await shown(first, contested);
      const wantedByPopup = round % 2 === 0;
      const previous = await marksIn(popup);
      // In the same moment: both tabs and the popup decide about one paper, and each also
      // changes a paper of its own. Real key presses on the focused buttons (trusted events,
      // as the content script requires), not mouse clicks: two mouse clicks at once on one
      // page scroll under each other and can land on the wrong button. One page's presses go
      // one after the other (each moves that page's focus); the pages act at once.
      await Promise.all([
        (async () => {
          await saveButton(controlsOf(first, contested)).first().press('Enter');
          await readButton(controlsOf(first, a)).first().press('Enter');
        })(),
        (async () => {
          await readButton(controlsOf(second, contested)).first().press('Enter');
          await saveButton(controlsOf(second, b)).first().press('Enter');
        })(),
        popupSets(popup, contested, { saved: wantedByPopup }),
        popupSets(popup, c, { read: wantedByPopup }),
      ]);

      // Whatever won, every view must show what the database holds, within a second.
      const start = Date.now();
      await eventually(async () => {
        const stored = await marksIn(popup);
        for (const id of [contested, a, b, c]) {
          const truth = stored[id] ?? { saved: false, read: false, updatedAt: 0 };
          expect(await shown(first, id)).toEqual({ saved: truth.saved, read: truth.read });
          expect(await shown(second, id)).toEqual({ saved: truth.saved, read: truth.read });
        }
      }, CONVERGE_MS * 3);
      slowest.push(Date.now() - start);

      const stored = await marksIn(popup);
      // The contested paper: read was set by the second tab (nobody else touched it)…
      expect(stored[contested]?.read).toBe(!before.read);
      // …and the latest write is the one with the newest updatedAt, never older than before.
      expect(stored[contested]?.updatedAt ?? 0).toBeGreaterThanOrEqual(
        previous[contested]?.updatedAt ?? 0,
      );
      // Changes to other papers were all kept.
      expect(stored[a]?.read ?? false).toBe(!(previous[a]?.read ?? false));
      expect(stored[b]?.saved ?? false).toBe(!(previous[b]?.saved ?? false));
      expect(stored[c]?.read ?? false).toBe(wantedByPopup);
      // The popup's queue lists exactly the saved ones.
      const savedCount = Object.values(stored).filter((m) => m.saved).length;
      await eventually(async () =>
        expect(await popup.getByRole('listitem').count()).toBe(savedCount),
      );
    }
    console.info(`many writers: ${ROUNDS} rounds, slowest convergence ${Math.max(...slowest)} ms`);
    expect(Math.max(...slowest)).toBeLessThan(CONVERGE_MS);
    await popup.close();
    await second.close();
    await first.close();
  }, 120_000);
});
