// @vitest-environment happy-dom
// The content script's whole flow on the saved arXiv and alphaXiv pages, under happy-dom with a
// stand-in background: the same entry and session as on Hugging Face, with the sites' adapters.
import { afterEach, describe, expect, it } from 'vitest';
import { startContentApp } from '../../src/content/content-app';
import { HOST_ATTRIBUTE } from '../../src/content/controls';
import type { Request } from '../../src/shared/messages';
import { fakeBackground } from '../support/fake-background';
import { readFixture } from '../support/fixtures';
import { userClick } from '../support/user-events';

/** Puts a saved page (head and body) at `url`. */
function loadPage(fixture: string, url: string) {
  (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(url);
  const doc = new DOMParser().parseFromString(readFixture(fixture), 'text/html');
  document.head.replaceWith(document.importNode(doc.head, true));
  document.body.replaceWith(document.importNode(doc.body, true));
  document.title = doc.title;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
async function until(check: () => void, timeoutMs = 2000) {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await settle();
    }
  }
}
const hosts = (id?: string) => [
  ...document.querySelectorAll<HTMLElement>(`[${HOST_ATTRIBUTE}${id ? `="${id}"` : ''}]`),
];
const of = <T extends Request['type']>(requests: Request[], type: T) =>
  requests.filter((r): r is Extract<Request, { type: T }> => r.type === type);

/** A back/forward-cache page transition (happy-dom's PageTransitionEvent has no `persisted`). */
const pageTransition = (type: 'pagehide' | 'pageshow') =>
  Object.defineProperty(new Event(type), 'persisted', { value: true });

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('on an arXiv abstract page', () => {
  it('places controls after the title, records the paper with its authors, and tells the toolbar', async () => {
    loadPage('arxiv/abs-2402.07939v1.annotated.html', 'https://arxiv.org/abs/2402.07939v1');
    const bg = fakeBackground({ '2402.07939': { saved: true, read: false } });
    stop = startContentApp(window, bg.deps).stop;
    await until(() => expect(hosts('2402.07939')).toHaveLength(1));
    const [host] = hosts('2402.07939');
    expect(host?.previousElementSibling?.matches('h1.title')).toBe(true);
    await until(() =>
      expect(host?.shadowRoot?.querySelector('button.save')?.getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    // What the page says of the paper reaches the background off the path to first paint.
    await until(() => expect(of(bg.requests, 'papers.seen')).toHaveLength(1), 3000);
    const [seen] = of(bg.requests, 'papers.seen');
    expect(seen?.papers).toEqual([
      expect.objectContaining({
        id: '2402.07939',
        title: 'UFO: A UI-Focused Agent for Windows OS Interaction',
        authors: expect.arrayContaining(['Chaoyun Zhang', 'Liqun Li']),
        publishedAt: '2024-02-08T00:00:00.000Z',
      }),
    ]);
    expect(of(bg.requests, 'paper.opened')).toHaveLength(1);
    const [showing] = of(bg.requests, 'tab.showing');
    expect(showing).toMatchObject({
      url: 'https://arxiv.org/abs/2402.07939v1',
      id: '2402.07939',
      paper: { title: 'UFO: A UI-Focused Agent for Windows OS Interaction' },
    });
    expect(bg.status()).toMatchObject({ kind: 'paper', recognized: 1, expected: 1 });
  });

  it('says the page was left when it is, and shows its paper again when it comes back', async () => {
    loadPage('arxiv/abs-1706.03762v7.html', 'https://arxiv.org/abs/1706.03762');
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await until(() => expect(of(bg.requests, 'tab.showing')).toHaveLength(1));
    window.dispatchEvent(pageTransition('pagehide'));
    expect(of(bg.requests, 'tab.showing')[1]).toEqual({
      type: 'tab.showing',
      url: 'https://arxiv.org/abs/1706.03762',
      left: true,
    });
    window.dispatchEvent(pageTransition('pageshow'));
    await until(() => expect(of(bg.requests, 'tab.showing')).toHaveLength(3));
    expect(of(bg.requests, 'tab.showing')[2]).toMatchObject({ id: '1706.03762' });
  });
});

describe('on an arXiv listing', () => {
  it('puts controls on all 50 entries in one message, and reads and hides with the same tools', async () => {
    loadPage('arxiv/list-cs.CL-recent-2026-07-27.html', 'https://arxiv.org/list/cs.CL/recent');
    const bg = fakeBackground({ '2607.22456': { saved: false, read: true } });
    stop = startContentApp(window, bg.deps).stop;
    await until(() => expect(hosts()).toHaveLength(50));
    await until(() => expect(of(bg.requests, 'papers.seen')).toHaveLength(1), 3000);
    // No toolbar word from a listing: it shows no one paper.
    expect(of(bg.requests, 'tab.showing')).toHaveLength(0);
    // The read entry's dd carries the filter's attribute; nothing was wrapped around it.
    await until(() =>
      expect(hosts('2607.22456')[0]?.closest('dd')?.getAttribute('data-paper-queue-read')).toBe(''),
    );
    expect(document.querySelectorAll('dl#articles > dt')).toHaveLength(50);
    expect(document.querySelectorAll('dl#articles > dd')).toHaveLength(50);
    expect(document.documentElement.getAttribute('data-paper-queue-mode')).toBe('hide');
    // The bar stands at the top of the list.
    expect(
      document.querySelector('dl#articles')?.firstElementChild?.getAttribute('data-paper-queue-ui'),
    ).toBe('bar');
    // Read from its own entry: marked "just now" (dimmed, not hidden under the pointer).
    const host = hosts('2607.22529')[0] as HTMLElement;
    userClick(host.shadowRoot?.querySelector('button.read') as HTMLButtonElement);
    await until(() =>
      expect(host.closest('dd')?.getAttribute('data-paper-queue-read')).toBe('just-now'),
    );
    // The decision, through the outbox, with what the entry says of the paper.
    await until(() =>
      expect(bg.drained).toEqual([
        expect.objectContaining({
          marks: { '2607.22529': { read: true } },
          paper: expect.objectContaining({ authors: expect.arrayContaining(['Siyuan Huang']) }),
        }),
      ]),
    );
    expect(bg.status()).toMatchObject({ kind: 'listing', recognized: 50, expected: 50 });
    // Its room is kept on what the list started with, never on the bar itself (whose room
    // would then move, and the whole list with it, once the controls go in).
    const list = document.querySelector('dl#articles') as Element;
    // A re-rendered entry (without our controls): a batch after the bar went in.
    const [dt, dd] = [...list.querySelectorAll(':scope > dt, :scope > dd')].slice(-2);
    const rendered = [dt, dd].map((el) => el?.cloneNode(true) as Element);
    rendered[1]?.querySelector('[data-paper-queue-id]')?.remove();
    list.append(...rendered);
    await until(() => expect(hosts()).toHaveLength(51));
    const slotted = [...document.querySelectorAll('[data-paper-queue-bar-slot]')];
    expect(slotted.map((el) => el.tagName)).toEqual(['H3']);
  });
});

describe('on the alphaXiv excerpt', () => {
  it('tells the toolbar its paper, and the drift alarm that it found no place for controls', async () => {
    loadPage(
      'arxiv/alphaxiv-abs-2301.12345.EXCERPT.html',
      'https://www.alphaxiv.org/abs/2301.12345',
    );
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await until(() => expect(of(bg.requests, 'tab.showing')).toHaveLength(1));
    expect(of(bg.requests, 'tab.showing')[0]).toMatchObject({
      id: '2301.12345',
      paper: { id: '2301.12345', title: 'Chemotactic motility-induced phase separation' },
    });
    expect(hosts()).toEqual([]);
    expect(bg.status()).toMatchObject({ kind: 'paper', recognized: 0, expected: 1 });
  });
});
