// A site's scheduler rendering cards in a requestAnimationFrame callback, seen from inside the
// page. `renderInFrame` is passed to page.evaluate (Playwright or puppeteer), so it uses
// nothing from outside its own body; `unreadThenRead` and `expectDecoratedInFrame` run in the
// test, on either side of it.
import { expect } from 'vitest';
import { cardHtml } from './card-factory.mjs';

export interface FrameView {
  timeout?: true;
  /** Copies of the first card (its title headings), and how many had their controls. */
  copies?: number;
  withControls?: number;
  /** The second card's height then: 0 when it is hidden, so never painted. */
  secondCardHeight?: number;
}

/**
 * Prepends the cards of `html` to the listing in an animation-frame callback, and looks at
 * them in the first ResizeObserver callback that sees the first one laid out: after that
 * frame's layout, before its paint.
 */
export function renderInFrame(html: string): Promise<FrameView> {
  return new Promise((resolve) => {
    const list = document.querySelector('[data-paper-queue-bar-slot]') as HTMLElement;
    const template = document.createElement('template');
    template.innerHTML = html;
    const [first, second] = [...template.content.children] as HTMLElement[];
    if (!first) throw new Error('No card to render');
    const sizes = new ResizeObserver(() => {
      if (first.getBoundingClientRect().height === 0) return;
      sizes.disconnect();
      const headings = [...first.querySelectorAll('h3 > a[href^="/papers/"]')].map(
        (a) => a.parentElement as Element,
      );
      resolve({
        copies: headings.length,
        withControls: headings.filter((h) =>
          h.nextElementSibling?.hasAttribute('data-paper-queue-id'),
        ).length,
        secondCardHeight: second?.getBoundingClientRect().height,
      });
    });
    requestAnimationFrame(() => {
      list.prepend(...template.content.children);
      sizes.observe(first);
    });
    setTimeout(() => resolve({ timeout: true }), 5000);
  });
}

/** An unread and a read card, in that order, for `renderInFrame`. */
export const unreadThenRead = (unread: string, read: string) =>
  cardHtml(unread, 'Rendered in a frame') + cardHtml(read, 'Read, rendered in a frame');

/** Every copy of the unread card had its controls, and the read one was hidden (Hide). */
export function expectDecoratedInFrame(seen: FrameView) {
  expect(seen.timeout).toBeUndefined();
  expect(seen.copies).toBeGreaterThan(0);
  expect(seen.withControls).toBe(seen.copies);
  expect(seen.secondCardHeight).toBe(0); // never laid out, so never painted
}
