// Firefox ESR: the core of first paint. The content script starts at document_start there
// too, reads the mark index from storage.local, and a returning visit never paints a read
// card (seen from inside the page, before paint: test/support/paint-watch.ts), nor a card
// the site renders later in an animation-frame callback bare or, when read, at all.
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/extension-session';
import { serveFixtures, useFirefoxSession } from '../support/firefox-session';
import { LISTING_2024, readProps } from '../support/fixtures';
import { type PaintLog, watchPaint } from '../support/paint-watch';
import { expectDecoratedInFrame, renderInFrame, unreadThenRead } from '../support/render-in-frame';

const session = useFirefoxSession({ styled: true });
const ids = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);

/** Marks papers through the popup's own message, as a click there would. */
async function setMarks(marks: Record<string, { read: boolean }>) {
  const popup = await session.openPopup();
  await popup.evaluate(async (marks) => {
    const { browser } = globalThis as unknown as {
      browser: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } };
    };
    const reply = await browser.runtime.sendMessage({ type: 'papers.set', at: Date.now(), marks });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
  }, marks);
  await popup.close();
}

describe('Firefox, first paint', () => {
  it('never paints a read card on a returning visit', async () => {
    const read = ids.filter((_, i) => i % 3 === 1);
    await setMarks(Object.fromEntries(read.map((id) => [id, { read: true }])));

    const page = await session.browser.newPage();
    await serveFixtures(page, { styled: true });
    await page.evaluateOnNewDocument(watchPaint);
    await page.goto('https://huggingface.co/papers/date/2024-08-01');
    await page.waitForSelector('[data-paper-queue-id]', { timeout: 15_000 });
    const log = () =>
      page.evaluate(() => (window as unknown as { __firstPaint: PaintLog }).__firstPaint);
    await eventually(async () => {
      for (const id of ids.filter((i) => !read.includes(i))) {
        expect((await log()).displayed).toContain(id);
      }
    }, 5000);
    expect((await log()).displayed.filter((id) => read.includes(id))).toEqual([]);
    expect(
      await page.$$eval('article[data-paper-queue-read]', (cards) => cards.length),
    ).toBeGreaterThanOrEqual(read.length);
    await page.close();
  });

  it('decorates and hides cards the site renders in an animation-frame callback, in that frame', async () => {
    const [unread, read] = ['2603.90011', '2603.90012'];
    await setMarks({ [read]: { read: true } });
    const page = await session.browser.newPage();
    await serveFixtures(page, { styled: true });
    await page.goto('https://huggingface.co/papers/date/2024-08-01');
    await page.waitForSelector('[data-paper-queue-id]', { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // settled
    expectDecoratedInFrame(await page.evaluate(renderInFrame, unreadThenRead(unread, read)));
    await page.close();
  });
});
