// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startContentApp } from '../../src/content/content-app';
import { HOST_ATTRIBUTE } from '../../src/content/controls';
import { fakeBackground } from '../support/fake-background';
import { LISTING_2024, readFixture, readProps, TRENDING_2026 } from '../support/fixtures';
import { userClick, userKey } from '../support/user-events';

function loadPage(fixture: string, url = 'https://huggingface.co/papers') {
  (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(url);
  const doc = new DOMParser().parseFromString(readFixture(fixture), 'text/html');
  document.body.replaceWith(document.importNode(doc.body, true));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
/** Waits until `check` passes (a new view starts at the next frame, later on a busy machine). */
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
const buttons = (host: HTMLElement) => {
  const [save, read] = host.shadowRoot?.querySelectorAll('button') ?? [];
  if (!save || !read) throw new Error('controls missing');
  return { save, read };
};
const pressed = (button: HTMLButtonElement) => button.getAttribute('aria-pressed');

/** What the content script told the background about papers it showed (metadata). */
const metadataSent = (bg: { requests: { type: string }[] }) =>
  bg.requests.filter((r) => r.type === 'papers.seen');

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe.each([
  ['2024', LISTING_2024, 1],
  ['2026', TRENDING_2026, 2],
])('the content script on the saved %s page', (_name, fixture, copies) => {
  const ids = readProps(fixture).dailyPapers.map((e) => e.paper.id);

  it('shows every card’s state from the index at once, and sends metadata once, later', async () => {
    loadPage(fixture);
    const bg = fakeBackground({ [ids[0] as string]: { saved: true, read: false } });
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    expect(hosts()).toHaveLength(ids.length * copies);
    for (const host of hosts(ids[0])) expect(pressed(buttons(host).save)).toBe('true');
    for (const host of hosts(ids[1])) expect(pressed(buttons(host).save)).toBe('false');
    // Nothing asked the background for any of it…
    expect(bg.requests).toEqual([]);
    // …and the metadata for the queue follows in one message, off the path to first paint,
    // with one more saying the papers were seen on a listing (for "New since your last visit").
    await until(() => expect(bg.requests).toHaveLength(2), 3000);
    const [seen] = metadataSent(bg) as typeof bg.requests;
    expect(seen?.type === 'papers.seen' && seen.papers.map((p) => p.id)).toEqual(ids);
    const viewed = bg.requests.find((r) => r.type === 'papers.viewed');
    expect(viewed?.type === 'papers.viewed' && [...viewed.ids].sort()).toEqual([...ids].sort());
    expect(bg.status()).toMatchObject({
      kind: 'listing',
      recognized: ids.length,
      expected: ids.length,
    });
  });

  it('saves with the intended value through the outbox and shows it on every copy', async () => {
    loadPage(fixture);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    const id = ids[2] as string;
    const first = hosts(id)[0] as HTMLElement;
    userClick(buttons(first).save);
    // Shown at once, on every copy, before anything was written.
    for (const host of hosts(id)) expect(pressed(buttons(host).save)).toBe('true');
    await settle();
    expect(bg.requests.at(-1)).toEqual({ type: 'outbox.flush' });
    expect(bg.states[id]).toMatchObject({ saved: true, read: false });
    expect(bg.outbox()).toEqual([]);
    expect(hosts(id)).toHaveLength(copies);
    for (const host of hosts(id)) expect(pressed(buttons(host).save)).toBe('true');
    userClick(buttons(first).read);
    await settle();
    expect(bg.states[id]).toMatchObject({ saved: true, read: true });
  });

  it('keeps clicks on its buttons from the site, and leaves the site its own clicks', async () => {
    loadPage(fixture);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    const host = hosts(ids[0])[0] as HTMLElement;
    const card = host.closest('article') as HTMLElement;
    const siteSaw: string[] = [];
    card.addEventListener('click', (event) => siteSaw.push((event.target as Element).tagName));
    document.addEventListener('click', () => siteSaw.push('document'));
    userClick(buttons(host).read);
    await settle();
    expect(siteSaw).toEqual([]);
    expect(bg.states[ids[0] as string]).toMatchObject({ read: true });
    // A click elsewhere on the card is the site's, untouched and not ours.
    const requests = bg.requests.length;
    userClick(card.querySelector('h3') as HTMLElement);
    expect(siteSaw).toEqual(['H3', 'document']);
    expect(bg.requests).toHaveLength(requests);
  });
});

describe('only the user changes the queue', () => {
  it('ignores clicks and keys a page script makes, and acts on the user’s own', async () => {
    loadPage(LISTING_2024);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    const host = hosts()[0] as HTMLElement;
    // What huggingface.co's own scripts (or anything injected into them) can do.
    buttons(host).save.click();
    buttons(host).read.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const bar = document.querySelector('[data-paper-queue-ui="bar"]');
    for (const button of bar?.shadowRoot?.querySelectorAll('button') ?? []) button.click();
    for (const key of ['j', 's', 'r', 'u']) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    await settle();
    expect(
      bg.requests.filter((r) => r.type !== 'papers.seen' && r.type !== 'papers.viewed'),
    ).toEqual([]);
    expect(bg.outbox()).toEqual([]);
    expect(pressed(buttons(host).save)).toBe('false');
    expect(document.documentElement.getAttribute('data-paper-queue-mode')).toBe('hide');
    // The user's own click and keys still work.
    userClick(buttons(host).save);
    userKey(document.body, 'j');
    userKey(document.body, 'r');
    await settle();
    const id = host.getAttribute(HOST_ATTRIBUTE) as string;
    expect(bg.states[id]).toMatchObject({ saved: true, read: true });
    expect(pressed(buttons(host).save)).toBe('true');
  });
});

describe('mark all read, and undo', () => {
  it('marks every unread paper read in one decision, and undo puts back each one’s state', async () => {
    loadPage(LISTING_2024);
    const ids = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);
    const bg = fakeBackground({ [ids[0] as string]: { saved: true, read: false } });
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    const bar = document.querySelector('[data-paper-queue-ui="bar"]')?.shadowRoot;
    const markAll = [...(bar?.querySelectorAll('button') ?? [])].find((b) =>
      /Mark all/.test(b.textContent ?? ''),
    ) as HTMLButtonElement;
    // The toast goes in when it first has something to say, not with the bar.
    const toasts = () => document.querySelectorAll('[data-paper-queue-ui="toast"]');
    expect(toasts()).toHaveLength(0);
    bg.sleep(); // to see the decision in the outbox, as one entry
    userClick(markAll);
    await settle();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]?.shadowRoot?.querySelector('[role="status"]')?.textContent).toMatch(/read/i);
    expect(bg.outbox()).toHaveLength(1);
    expect(Object.keys(bg.outbox()[0]?.marks ?? {})).toEqual(ids);
    bg.wake();
    await settle();
    for (const id of ids) expect(bg.states[id]).toMatchObject({ read: true });
    userKey(document.body, 'u');
    await settle();
    expect(bg.states[ids[0] as string]).toMatchObject({ saved: true, read: false });
    for (const id of ids.slice(1))
      expect(bg.states[id]).toMatchObject({ saved: false, read: false });
  });
});

describe('a decision while the background sleeps', () => {
  it('shows at once, waits in the outbox, and is applied when the background wakes', async () => {
    loadPage(TRENDING_2026);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    bg.sleep();
    const host = hosts('2609.20519')[0] as HTMLElement;
    userClick(buttons(host).save);
    await settle();
    expect(pressed(buttons(host).save)).toBe('true');
    expect(bg.outbox()).toMatchObject([{ marks: { '2609.20519': { saved: true } } }]);
    expect(bg.states['2609.20519']).toBeUndefined();
    expect(bg.wake()).toMatchObject({ applied: 1 });
    await settle();
    expect(bg.states['2609.20519']).toMatchObject({ saved: true });
    expect(pressed(buttons(host).save)).toBe('true');
  });
});

describe('before the site has run its scripts', () => {
  it('marks read cards and keeps the controls’ room, then inserts the controls at DOMContentLoaded', async () => {
    loadPage(LISTING_2024);
    const ids = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);
    const bg = fakeBackground({ [ids[1] as string]: { saved: false, read: true } });
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    // A card the parser has only begun: no title link yet.
    const list = document.querySelector('article')?.parentElement as HTMLElement;
    list.insertAdjacentHTML('beforeend', '<article id="half-parsed"><img alt=""></article>');
    try {
      stop = startContentApp(window, bg.deps).stop;
      await settle();
      expect(document.getElementById('half-parsed')?.hasAttribute('data-paper-queue-pending')).toBe(
        true,
      );
      // Attributes on the site's own elements only: no node of ours in its markup yet.
      expect(hosts()).toEqual([]);
      expect(document.querySelector('[data-paper-queue-ui]')).toBeNull();
      const read = [...document.querySelectorAll('article[data-paper-queue-read]')];
      expect(read).toHaveLength(1);
      expect(read[0]?.querySelector(`a[href="/papers/${ids[1]}"]`)).not.toBeNull();
      expect(document.querySelectorAll('h3[data-paper-queue-slot]')).toHaveLength(ids.length);
      expect(document.querySelectorAll('[data-paper-queue-bar-slot]')).toHaveLength(1);
      expect(document.documentElement.getAttribute('data-paper-queue-mode')).toBe('hide');
    } finally {
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    }
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await settle();
    expect(hosts()).toHaveLength(ids.length);
    // The room kept for them is taken by them, in the same frame; the bar stands right
    // before the list whose top keeps its room.
    expect(document.querySelectorAll('[data-paper-queue-slot]')).toHaveLength(0);
    const room = document.querySelectorAll('[data-paper-queue-bar-slot]');
    expect(room).toHaveLength(1);
    expect(document.querySelector('[data-paper-queue-ui="bar"]')?.nextElementSibling).toBe(room[0]);
    // Parsing is over: a card that never showed a paper is not held back.
    expect(document.querySelectorAll('[data-paper-queue-pending]')).toHaveLength(0);
  });

  it('keeps the bar’s room on the list from its first card’s start, before any title is parsed', async () => {
    // The 2024 listing as the parser has it a moment after the grid opened: one card begun
    // (its wrapper div and image), no title yet. A paint here must already have the room.
    document.documentElement.innerHTML =
      '<head></head><body><section><div class="grid" id="list"><div><article><a href="/papers/2407.21783"><img alt=""></a></article></div></div></section></body>';
    history.replaceState(null, '', 'https://huggingface.co/papers/date/2024-08-01');
    const bg = fakeBackground();
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      stop = startContentApp(window, bg.deps).stop;
      await settle();
      expect(document.querySelector('[data-paper-queue-bar-slot]')?.id).toBe('list');
      // The title arrives, then the next card: the room stays where it is.
      const article = document.querySelector('article') as HTMLElement;
      article.insertAdjacentHTML('beforeend', '<h3><a href="/papers/2407.21783">A title</a></h3>');
      document
        .getElementById('list')
        ?.insertAdjacentHTML(
          'beforeend',
          '<div><article><h3><a href="/papers/2407.21770">Another</a></h3></article></div>',
        );
      await settle();
      const room = document.querySelectorAll('[data-paper-queue-bar-slot]');
      expect([...room].map((el) => el.id)).toEqual(['list']);
    } finally {
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    }
  });

  it('keeps cards unseen until the index is read, then shows each one’s state', async () => {
    loadPage(LISTING_2024);
    const ids = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);
    const bg = fakeBackground({ [ids[0] as string]: { saved: false, read: true } });
    let release: () => void = () => {};
    const read = bg.deps.readStorage;
    bg.deps.readStorage = () => new Promise((resolve) => (release = () => resolve(read())));
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    expect(document.querySelectorAll('article[data-paper-queue-pending]')).toHaveLength(ids.length);
    release();
    await settle();
    expect(document.querySelectorAll('[data-paper-queue-pending]')).toHaveLength(0);
    expect(document.querySelectorAll('article[data-paper-queue-read]')).toHaveLength(1);
  });
});

describe('the content script as the page changes', () => {
  it('decorates cards added later in one batch, and never twice', async () => {
    loadPage(LISTING_2024);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    await until(() => expect(metadataSent(bg)).toHaveLength(1), 3000);
    const before = hosts().length;
    const list = document.querySelector('article')?.parentElement as HTMLElement;
    for (let i = 0; i < 3; i++) {
      list.insertAdjacentHTML(
        'beforeend',
        `<article><h3><a href="/papers/2501.0000${i}">Added ${i}</a></h3></article>`,
      );
    }
    await settle();
    expect(hosts().length).toBe(before + 3);
    await until(() => expect(metadataSent(bg)).toHaveLength(2), 3000);
    // Moving an already decorated card (a re-render) must not add a second host.
    list.append(list.querySelector('article') as HTMLElement);
    await settle();
    expect(hosts().length).toBe(before + 3);
  });

  it('shows changes made in other tabs or the popup', async () => {
    loadPage(TRENDING_2026);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    bg.change({
      '2609.20519': { saved: true, read: true },
      '2501.99999': { saved: true, read: false },
    });
    await settle();
    for (const host of hosts('2609.20519')) {
      expect(pressed(buttons(host).save)).toBe('true');
      expect(pressed(buttons(host).read)).toBe('true');
    }
    expect(hosts('2501.99999')).toEqual([]);
  });

  it('starts a new view after in-page navigation and releases the old one', async () => {
    loadPage(TRENDING_2026, 'https://huggingface.co/papers/trending');
    const bg = fakeBackground({ '2407.21783': { saved: true, read: false } });
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    // The site swaps the list and pushes a new URL, as its Daily/Weekly tabs do.
    history.pushState({}, '', '/papers/date/2024-08-01');
    const next = new DOMParser().parseFromString(readFixture(LISTING_2024), 'text/html');
    document.body.replaceWith(document.importNode(next.body, true));
    const ids = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);
    await until(() =>
      expect(new Set(hosts().map((h) => h.getAttribute(HOST_ATTRIBUTE)))).toEqual(new Set(ids)),
    );
    expect(hosts()).toHaveLength(ids.length);
    for (const host of hosts('2407.21783')) expect(pressed(buttons(host).save)).toBe('true');
  });

  it('removes its controls and stops once the extension context is gone', async () => {
    loadPage(TRENDING_2026);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    bg.kill();
    bg.change({ '2609.20519': { saved: true, read: true } });
    await settle();
    expect(hosts()).toEqual([]);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<article><h3><a href="/papers/2501.00001">Late</a></h3></article>',
    );
    await settle();
    expect(hosts()).toEqual([]);
  });

  it('shows the card’s previous state and the reason when a save fails', async () => {
    loadPage(TRENDING_2026);
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    bg.refuseNext('Storage is full: nothing was changed.');
    const host = hosts('2609.20519')[0] as HTMLElement;
    userClick(buttons(host).save);
    await settle();
    expect(pressed(buttons(host).save)).toBe('false');
    expect(host.shadowRoot?.textContent).toContain('Storage is full');
    expect(bg.outbox()).toEqual([]);
  });
});
