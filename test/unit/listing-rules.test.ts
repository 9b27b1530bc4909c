// @vitest-environment happy-dom
// Rules and visits on the listing, through the whole content script under happy-dom: muted
// cards carry the attribute page.css hides (and a reason), highlighted ones theirs, the bar
// counts muted papers apart, a saved paper is never muted, rules follow every change of the
// settings, and papers not seen in an earlier visit are new (`n` goes to the next one).
import { afterEach, describe, expect, it } from 'vitest';
import { startContentApp } from '../../src/content/content-app';
import { HOST_ATTRIBUTE, PARTS } from '../../src/content/controls';
import { NO_RULES, type Rules } from '../../src/shared/rules';
import { addSeen, SEEN_KEY, VISIT_GAP_MS } from '../../src/shared/seen';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/shared/settings';
import { fakeBackground } from '../support/fake-background';
import { LISTING_2024, readFixture, readProps } from '../support/fixtures';
import { userClick, userKey } from '../support/user-events';

const ids = readProps(LISTING_2024).dailyPapers.map((e) => e.paper.id);
const [LLAMA, TORA, MOMA, SPEECH] = ids as [string, string, string, string];
const SAMPLING = '2407.21475'; // "Fine-gained Zero-shot Video Sampling"

function loadPage(url = 'https://huggingface.co/papers/date/2024-08-01') {
  (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(url);
  const doc = new DOMParser().parseFromString(readFixture(LISTING_2024), 'text/html');
  document.body.replaceWith(document.importNode(doc.body, true));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const card = (id: string) =>
  document.querySelector(`[${HOST_ATTRIBUTE}="${id}"]`)?.closest('article') as HTMLElement;
const attr = (id: string, name: string) => card(id).getAttribute(`data-paper-queue-${name}`);
const hostParts = (id: string) =>
  [
    ...(document
      .querySelector(`[${HOST_ATTRIBUTE}="${id}"]`)
      ?.shadowRoot?.querySelectorAll('[part]') ?? []),
  ].map((el) => ({ part: el.getAttribute('part'), text: el.textContent }));
const bar = () => document.querySelector('[data-paper-queue-ui="bar"]')?.shadowRoot;
const status = () => bar()?.querySelector('[role="status"]')?.textContent ?? '';
const barButton = (name: string) =>
  [...(bar()?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  ) as HTMLButtonElement;

function start(rules: Partial<Rules>, init: Parameters<typeof fakeBackground>[0] = {}) {
  loadPage();
  const bg = fakeBackground(init);
  bg.storage[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, rules: { ...NO_RULES, ...rules } };
  stop = startContentApp(window, bg.deps).stop;
  return bg;
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('mute rules on the listing', () => {
  it('mark matching cards muted with the rule that matched, counted apart in the bar', async () => {
    start({ mutedWords: ['diffusion'] });
    await settle();
    for (const id of [TORA, SAMPLING]) {
      expect(attr(id, 'muted')).toBe('');
      expect(attr(id, 'rule')).toBe('Muted: word “diffusion”');
    }
    expect(attr(LLAMA, 'muted')).toBeNull();
    expect(status()).toContain('2 muted');
    // Show reveals them for this view, each saying why it was hidden.
    userClick(barButton('Show muted papers'));
    await settle();
    expect(document.documentElement.hasAttribute('data-paper-queue-show-muted')).toBe(true);
    expect(hostParts(TORA)).toContainEqual({
      part: PARTS.rule('muted'),
      text: 'Muted: word “diffusion”',
    });
    expect(status()).toContain('2 muted, shown');
  });

  it('read the summary too (from the island), not only the title on the card', async () => {
    start({ mutedWords: ['disfluent'] });
    await settle();
    expect(attr(SPEECH, 'muted')).toBe('');
    expect(ids.filter((id) => attr(id, 'muted') !== null)).toEqual([SPEECH]);
  });

  it('never mute a saved paper', async () => {
    start({ mutedWords: ['diffusion'] }, { [TORA]: { saved: true, read: false } });
    await settle();
    expect(attr(TORA, 'muted')).toBeNull();
    expect(attr(SAMPLING, 'muted')).toBe('');
    expect(status()).toContain('1 muted');
  });

  it('mute by author, organization and upvotes', async () => {
    start({ mutedAuthors: ['Iker Garcia-Ferrero'], minUpvotes: 6 });
    await settle();
    expect(attr('2407.21530', 'rule')).toBe('Muted: author “Iker Garcia-Ferrero”');
    expect(attr('2407.21475', 'rule')).toBe('Muted: fewer than 6 upvotes');
    expect(attr(LLAMA, 'muted')).toBeNull();
  });

  it('follow every change of the rules at once', async () => {
    const bg = start({});
    await settle();
    expect(document.querySelectorAll('[data-paper-queue-muted]')).toHaveLength(0);
    bg.setSettings({ rules: { ...NO_RULES, mutedWords: ['llama'] } });
    await settle();
    expect(attr(LLAMA, 'muted')).toBe('');
    bg.setSettings({ rules: NO_RULES });
    await settle();
    expect(attr(LLAMA, 'muted')).toBeNull();
    expect(status()).not.toContain('muted');
  });

  it('keep a muted card the user changes from its own button in view', async () => {
    start({ mutedWords: ['diffusion'] });
    await settle();
    userClick(barButton('Show muted papers'));
    await settle();
    const save = document
      .querySelector(`[${HOST_ATTRIBUTE}="${TORA}"]`)
      ?.shadowRoot?.querySelector('button.save') as HTMLButtonElement;
    userClick(save); // saved: no longer muted
    await settle();
    expect(attr(TORA, 'muted')).toBeNull();
    userClick(save); // unsaved again: muted, but it stays where the user is
    await settle();
    expect(attr(TORA, 'muted')).toBe('just-now');
  });
});

describe('highlight rules on the listing', () => {
  it('mark the card and say why, and win over a mute', async () => {
    start({ highlightedWords: ['trajectory'], mutedWords: ['diffusion'] });
    await settle();
    expect(attr(TORA, 'highlight')).toBe('');
    expect(attr(TORA, 'muted')).toBeNull();
    expect(attr(TORA, 'rule')).toBe('Highlighted: word “trajectory”');
    expect(hostParts(TORA)).toContainEqual({
      part: PARTS.rule('highlighted'),
      text: '★ Highlighted: word “trajectory”',
    });
    expect(attr(SAMPLING, 'muted')).toBe('');
  });
});

describe('rules on a paper’s own page', () => {
  it('only mark it, never hide it', async () => {
    (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(
      'https://huggingface.co/papers/2602.23229',
    );
    const { paperPageHtml } = await import('../support/fixtures');
    const doc = new DOMParser().parseFromString(paperPageHtml(), 'text/html');
    document.body.replaceWith(document.importNode(doc.body, true));
    const bg = fakeBackground();
    const title = document.querySelector('h1')?.textContent ?? '';
    const word = (title.match(/[A-Za-z]{5,}/)?.[0] ?? '').toLowerCase();
    bg.storage[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, rules: { ...NO_RULES, mutedWords: [word] } };
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    expect(hostParts('2602.23229')).toContainEqual({
      part: PARTS.rule('muted'),
      text: `Muted: word “${word}”`,
    });
    expect(document.querySelectorAll('[data-paper-queue-muted]')).toHaveLength(0);
  });
});

describe('new since the last visit', () => {
  it('marks papers not seen in an earlier visit, and `n` goes from one to the next', async () => {
    loadPage();
    const bg = fakeBackground({ [MOMA]: { saved: true, read: false } });
    // The last visit, over an hour ago, saw the first three papers of this page.
    const long = Date.now() - 2 * VISIT_GAP_MS;
    bg.storage[SEEN_KEY] = addSeen(null, ids.slice(0, 3), long);
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    expect(attr(LLAMA, 'new')).toBeNull();
    expect(attr(ids[2] as string, 'new')).toBeNull();
    expect(attr(SPEECH, 'new')).toBe('');
    expect(hostParts(SPEECH)).toContainEqual({ part: PARTS.new, text: 'New' });
    expect(ids.filter((id) => attr(id, 'new') !== null)).toEqual(ids.slice(3));
    userKey(document.body, 'n');
    expect(card(SPEECH).hasAttribute('data-paper-queue-focus')).toBe(true);
    userKey(document.body, 'n');
    expect(card(ids[4] as string).hasAttribute('data-paper-queue-focus')).toBe(true);
  });

  it('marks nothing on the first visit, and tells the background what the listing showed', async () => {
    loadPage();
    const bg = fakeBackground();
    stop = startContentApp(window, bg.deps).stop;
    await settle();
    expect(document.querySelectorAll('[data-paper-queue-new]')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const viewed = bg.requests.find((r) => r.type === 'papers.viewed');
    expect(viewed?.type === 'papers.viewed' && viewed.ids.length).toBe(ids.length);
  });

  it('with auto-seen on, counts nothing the page merely listed', async () => {
    loadPage();
    const bg = fakeBackground();
    bg.storage[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, autoSeen: true, seenAfterSeconds: 1 };
    stop = startContentApp(window, bg.deps).stop;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // happy-dom lays nothing out, so no card is ever in view here (the browser tests see it).
    expect(bg.requests.filter((r) => r.type === 'papers.viewed')).toEqual([]);
  });
});
